// An embed URL's page (/embed/{id}/dashboards/{DashboardId}): the dashboard page alone, without Glaux's navigation.
import { GlauxClient } from './aws/client.js';
import { errorBox } from './ui/dom.js';

const main = document.getElementById('page');
const match = /^\/embed\/[^/]+\/dashboards\/([^/?]+)/.exec(location.pathname);
try {
  const client = await GlauxClient.connect();
  const { render } = await import('./pages/dashboard.js');
  const app = { client, navigate: () => {} };
  await render(main, { id: decodeURIComponent(match[1]), query: new URLSearchParams(location.search),
    embedded: true }, app);
} catch (error) {
  main.append(errorBox(error));
}
