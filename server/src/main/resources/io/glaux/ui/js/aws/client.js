// Glaux's own APIs as the UI calls them: Athena (AWS JSON 1.1), QuickSight (REST-JSON), the visual-data endpoint
// and S3 (presigned GETs), every call signed with SigV4 like any SDK's.
import { signRequest, presignUrl } from './sigv4.js';

/** An AWS error as the service sent it: its code (AWS's error type), message and HTTP status. */
export class AwsError extends Error {
  constructor(code, message, status, body) {
    super(message || code);
    this.code = code;
    this.status = status;
    this.body = body;
  }
}

export class GlauxClient {
  /**
   * @param {object} options endpoint (the page's origin by default), accountId, region, credentials
   */
  constructor({ endpoint = location.origin, accountId = '000000000000', region = 'us-east-1',
    credentials = { accessKeyId: 'test', secretAccessKey: 'test' } } = {}) {
    this.endpoint = endpoint.replace(/\/$/, '');
    this.accountId = accountId;
    this.region = region;
    this.credentials = credentials;
  }

  /** A client for the account and region the server plays (read from its /health). */
  static async connect(endpoint = location.origin) {
    const health = await fetch(endpoint.replace(/\/$/, '') + '/health').then((r) => r.json());
    return new GlauxClient({ endpoint, accountId: health.accountId, region: health.region });
  }

  async send(service, method, path, { body, headers = {} } = {}) {
    const url = new URL(this.endpoint + path);
    const text = body === undefined ? '' : JSON.stringify(body);
    const signed = await signRequest({ method, url, headers: { ...headers, Host: url.host }, body: text,
      credentials: this.credentials, region: this.region, service });
    delete signed.Host;
    const response = await fetch(url, { method, headers: signed, body: method === 'GET' ? undefined : text });
    const raw = await response.text();
    const json = raw ? JSON.parse(raw) : {};
    if (!response.ok) {
      const type = (response.headers.get('x-amzn-ErrorType') || json.__type || 'UnknownError').split(/[:#]/).pop();
      throw new AwsError(type, json.Message || json.message || raw, response.status, json);
    }
    return json;
  }

  /** An Athena operation, e.g. athena('StartQueryExecution', {QueryString: 'SELECT 1'}). */
  athena(operation, input = {}) {
    return this.send('athena', 'POST', '/', { body: input, headers: {
      'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AmazonAthena.${operation}` } });
  }

  /** A QuickSight call on a path under /accounts/{AwsAccountId}, e.g. quickSight('GET', '/data-sets'). */
  quickSight(method, path, body) {
    return this.send('quicksight', method, `/accounts/${this.accountId}${path}`, {
      body, headers: body === undefined ? {} : { 'Content-Type': 'application/json' } });
  }

  /**
   * A visual's data from Glaux's visual-data endpoint.
   * @param {'analyses'|'dashboards'} kind
   */
  visualData(kind, id, visualId, request = {}) {
    return this.send('quicksight', 'POST', `/glaux/quicksight/accounts/${this.accountId}/${kind}/`
      + `${encodeURIComponent(id)}/visuals/${encodeURIComponent(visualId)}/data`,
    { body: request, headers: { 'Content-Type': 'application/json' } });
  }

  /**
   * The distinct values of a dataset's column (NULL left out, ascending), computed where its rows are: an answer of
   * the visual-data shape whose Rows are one-value rows.
   */
  columnValues(dataSetId, columnName, maxValues = 1000) {
    return this.send('quicksight', 'POST', `/glaux/quicksight/accounts/${this.accountId}/data-sets/`
      + `${encodeURIComponent(dataSetId)}/columns/${encodeURIComponent(columnName)}/values`,
    { body: { MaxValues: maxValues }, headers: { 'Content-Type': 'application/json' } });
  }

  /**
   * Rows of a dataset that is not stored yet: the body is CreateDataSet's (PhysicalTableMap, LogicalTableMap,
   * ImportMode...) plus MaxRows; the answer is {Columns: [{Name, Type}], Rows, QueryExecutionId, ElapsedMillis,
   * DataScannedInBytes}. A bad SQL or expression is refused as CreateDataSet would refuse it.
   */
  previewDataSet(request) {
    return this.send('quicksight', 'POST', `/glaux/quicksight/accounts/${this.accountId}/data-sets/preview`,
      { body: request, headers: { 'Content-Type': 'application/json' } });
  }

  /**
   * One of Glaux's own QuickSight endpoints under /glaux/quicksight/accounts/{AwsAccountId}, e.g.
   * glaux('GET', '/security/aws-resources') or glaux('GET', '/athena/work-groups').
   */
  glaux(method, path, body) {
    return this.send('quicksight', method, `/glaux/quicksight/accounts/${this.accountId}${path}`, {
      body, headers: body === undefined ? {} : { 'Content-Type': 'application/json' } });
  }

  /** A presigned URL that downloads an S3 object given as s3://bucket/key. */
  s3DownloadUrl(s3Uri, expiresSeconds = 900) {
    const match = /^s3:\/\/([^/]+)\/(.*)$/.exec(s3Uri);
    if (!match) throw new Error(`Not an S3 URI: ${s3Uri}`);
    const key = match[2].split('/').map(encodeURIComponent).join('/');
    return presignUrl({ url: `${this.endpoint}/${match[1]}/${key}`, credentials: this.credentials,
      region: this.region, expiresSeconds });
  }
}
