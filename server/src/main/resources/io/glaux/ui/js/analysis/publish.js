// Publishing an analysis as a dashboard (CreateDashboard the first time, UpdateDashboard for a new version, then
// UpdateDashboardPublishedVersion) and embedding it (GenerateEmbedUrlForAnonymousUser), through a GlauxClient.
import { dashboardDefinition } from './definition.js';

/** The version number at the end of a dashboard version ARN (…/dashboard/<id>/version/<n>). */
export function versionNumberOf(versionArn) {
  const match = /\/version\/(\d+)$/.exec(versionArn || '');
  if (!match) throw new Error(`Not a dashboard version ARN: ${versionArn}`);
  return Number(match[1]);
}

/**
 * Publishes the definition as dashboard dashboardId: a new version, then made the published one.
 * @returns {Promise<{dashboardId, arn, versionNumber, created}>}
 */
export async function publishDashboard(client, { dashboardId, name, definition }) {
  const path = `/dashboards/${encodeURIComponent(dashboardId)}`;
  let exists = true;
  try {
    await client.quickSight('GET', path);
  } catch (error) {
    if (error.code !== 'ResourceNotFoundException') throw error;
    exists = false;
  }
  const body = { Name: name, Definition: dashboardDefinition(definition) };
  const response = exists ? await client.quickSight('PUT', path, body) : await client.quickSight('POST', path, body);
  const versionNumber = versionNumberOf(response.VersionArn);
  await client.quickSight('PUT', `${path}/versions/${versionNumber}`);
  return { dashboardId, arn: response.Arn, versionNumber, created: !exists };
}

/** GenerateEmbedUrlForAnonymousUser's body for one dashboard. */
export function anonymousEmbedRequest(dashboardArn, dashboardId, minutes = 60) {
  return { SessionLifetimeInMinutes: minutes, Namespace: 'default', AuthorizedResourceArns: [dashboardArn],
    ExperienceConfiguration: { Dashboard: { InitialDashboardId: dashboardId } } };
}

/** An anonymous embed URL of a dashboard. */
export async function embedUrl(client, dashboardArn, dashboardId) {
  const response = await client.quickSight('POST', '/embed-url/anonymous-user',
    anonymousEmbedRequest(dashboardArn, dashboardId));
  return response.EmbedUrl;
}
