// Security & permissions (QuickSight console → Manage QuickSight → Security & permissions → AWS resources): the
// resources QuickSight's service role may use, kept as that role's IAM policies. Tick Athena access, the buckets it
// may read (and write Athena's results to), the Lambda functions of federated queries and the KMS keys of encrypted
// results and data (kms:Decrypt, kms:GenerateDataKey), then Save; below, the
// role's effective permissions as IAM evaluates whatever policies it has, each with the policy that decided it.
import { h, replace, field, dataTable, errorBox } from '../ui/dom.js';

function checkbox(id, checked, attributes = {}) {
  return h('input', { type: 'checkbox', id, checked, ...attributes });
}

/** The names of the resources of one service that EffectivePermissions covers, in order. */
function resourcesOf(described, service) {
  const names = [];
  for (const p of described.EffectivePermissions) {
    if (p.Service === service && p.Resource !== '*' && !names.includes(p.Resource)) names.push(p.Resource);
  }
  return names;
}

function permissionsTable(described) {
  const rows = described.EffectivePermissions.map((p) => [p.Service, p.Resource, p.Action,
    h('span', { class: p.Allowed ? 'status-CREATION_SUCCESSFUL' : 'status-FAILED' }, p.Allowed ? 'Allowed' : 'Denied'),
    p.Allowed ? p.Policy : (p.Policy ? `${p.Reason} (${p.Policy})` : p.Reason)]);
  return dataTable(['Service', 'Resource', 'Action', 'Access', 'Policy or reason'], rows,
    { id: 'effective-permissions' });
}

async function show(main, app, described, notice) {
  const { client } = app;
  const settings = described.Settings;
  const athena = checkbox('athena-access', settings.AthenaAccess);
  const bucketNames = resourcesOf(described, 's3');
  const chosen = new Map(settings.S3Buckets.map((b) => [b.BucketName, b.WriteForAthenaWorkgroup]));
  const bucketRows = bucketNames.map((name) => {
    const read = checkbox(`bucket-${name}`, chosen.has(name), { 'aria-label': `S3 bucket ${name}` });
    const write = checkbox(`bucket-write-${name}`, chosen.get(name) === true,
      { 'aria-label': `Write permission for Athena Workgroup on ${name}` });
    return { name, read, write };
  });
  const newBucket = h('input', { type: 'text', id: 'new-bucket', placeholder: 'bucket name' });
  const functionNames = resourcesOf(described, 'lambda');
  const functionRows = functionNames.map((name) => ({ name,
    box: checkbox(`function-${name}`, settings.LambdaFunctions.includes(name)
      || settings.LambdaFunctions.some((arn) => arn.endsWith(`:function:${name}`)),
    { 'aria-label': `Lambda function ${name}` }) }));
  const newFunction = h('input', { type: 'text', id: 'new-function', placeholder: 'function name or ARN' });
  // Keys are listed by ARN: the chosen ones and those workgroups encrypt their results with.
  const chosenKeys = settings.KmsKeys || [];
  const keyArns = [...chosenKeys, ...resourcesOf(described, 'kms').filter((arn) => !chosenKeys.includes(arn))];
  const keyRows = keyArns.map((arn) => ({ arn,
    box: checkbox(`key-${arn.substring(arn.lastIndexOf('/') + 1)}`, chosenKeys.includes(arn),
      { 'aria-label': `KMS key ${arn}` }) }));
  const newKey = h('input', { type: 'text', id: 'new-key', placeholder: 'key id, alias/name or ARN' });
  const messages = h('div', { 'aria-live': 'polite' }, notice ? h('p', { class: 'notice' }, notice) : null);

  const save = async (event) => {
    event.preventDefault();
    messages.replaceChildren();
    const buckets = bucketRows.filter((b) => b.read.checked || b.write.checked)
      .map((b) => ({ BucketName: b.name, WriteForAthenaWorkgroup: b.write.checked }));
    if (newBucket.value.trim()) buckets.push({ BucketName: newBucket.value.trim(), WriteForAthenaWorkgroup: false });
    const functions = functionRows.filter((f) => f.box.checked).map((f) => f.name);
    if (newFunction.value.trim()) functions.push(newFunction.value.trim());
    const keys = keyRows.filter((k) => k.box.checked).map((k) => k.arn);
    if (newKey.value.trim()) keys.push(newKey.value.trim());
    try {
      const updated = await client.glaux('PUT', '/security/aws-resources', { AthenaAccess: athena.checked,
        S3Buckets: buckets, LambdaFunctions: functions, KmsKeys: keys });
      await show(main, app, updated, 'Saved as the role\'s policies.');
    } catch (error) {
      messages.append(errorBox(error));
    }
  };

  replace(main, h('h1', {}, 'Security & permissions'),
    h('p', { class: 'muted' }, 'QuickSight reaches AWS resources as its service role ',
      h('code', { id: 'role-arn' }, described.RoleArn), '. These settings are that role\'s policies.'),
    h('form', { class: 'panel', id: 'security-form', onsubmit: save },
      h('h2', {}, 'Amazon Athena'),
      h('label', { for: 'athena-access' }, athena, ' Allow access to Amazon Athena'),
      h('h2', {}, 'Amazon S3'),
      bucketRows.length ? dataTable(['S3 bucket', 'Read', 'Write permission for Athena Workgroup'],
        bucketRows.map((b) => [b.name, b.read, b.write]), { id: 'buckets' }) : h('p', { class: 'muted' }, 'No buckets.'),
      field('Add a bucket', newBucket),
      h('h2', {}, 'Lambda functions (Amazon Athena federated queries)'),
      functionRows.length ? dataTable(['Function', 'Invoke'], functionRows.map((f) => [f.name, f.box]),
        { id: 'functions' }) : h('p', { class: 'muted' }, 'No Lambda functions.'),
      field('Add a function', newFunction),
      h('h2', {}, 'KMS keys (encrypted query results and data)'),
      keyRows.length ? dataTable(['Key', 'Decrypt and encrypt'], keyRows.map((k) => [k.arn, k.box]),
        { id: 'kms-keys' }) : h('p', { class: 'muted' }, 'No KMS keys.'),
      field('Add a key', newKey),
      h('div', { class: 'actions' }, h('button', { class: 'primary', type: 'submit', id: 'save-security' }, 'Save'))),
    messages,
    h('section', { class: 'panel', 'aria-label': 'Effective permissions' },
      h('h2', {}, 'Effective permissions'),
      h('p', { class: 'muted' }, 'What the role may do, whoever attached its policies.'),
      permissionsTable(described)));
}

export async function render(main, params, app) {
  try {
    await show(main, app, await app.client.glaux('GET', '/security/aws-resources'));
  } catch (error) {
    replace(main, h('h1', {}, 'Security & permissions'), errorBox(error));
  }
}
