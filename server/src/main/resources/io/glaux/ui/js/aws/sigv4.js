// AWS Signature Version 4, as every AWS SDK signs: the UI signs its calls to Glaux like any other client
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-signing.html). Uses Web Crypto, so the page must be
// a secure context (http://127.0.0.1 and http://localhost are).

const encoder = new TextEncoder();

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(data) {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return hex(await crypto.subtle.digest('SHA-256', bytes));
}

async function hmac(key, data) {
  const raw = typeof key === 'string' ? encoder.encode(key) : key;
  const cryptoKey = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(data));
}

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ (and '/' when asked). */
export function uriEncode(value, keepSlash = false) {
  return [...encoder.encode(value)].map((byte) => {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c) || (keepSlash && c === '/')) return c;
    return '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }).join('');
}

/** 20150830T123600Z and 20150830 for a date. */
export function amzDate(date) {
  const stamp = date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return { stamp, day: stamp.slice(0, 8) };
}

/**
 * The canonical URI of a request path as sent (already percent-encoded once): S3 signs it as it is, every other
 * service encodes each segment once more.
 */
function canonicalUri(path, service) {
  if (service === 's3') return path || '/';
  return (path || '/').split('/').map((segment) => uriEncode(segment)).join('/');
}

function canonicalQuery(searchParams) {
  return [...searchParams.entries()]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)])
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`).join('&');
}

async function signingKey(secret, day, region, service) {
  const kDate = await hmac('AWS4' + secret, day);
  const kRegion = await hmac(kDate, region);
  const kService = await hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

async function signature({ method, url, headers, payloadHash, credentials, region, service, stamp, day }) {
  const names = Object.keys(headers).map((n) => n.toLowerCase()).sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const canonicalHeaders = names.map((n) => `${n}:${String(lower[n]).trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [method, canonicalUri(url.pathname, service), canonicalQuery(url.searchParams),
    canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', stamp, scope, await sha256Hex(canonicalRequest)].join('\n');
  const key = await signingKey(credentials.secretAccessKey, day, region, service);
  return { signedHeaders, scope, value: hex(await hmac(key, stringToSign)) };
}

/**
 * Signs a request in its headers. Returns the headers to send: the given ones plus X-Amz-Date, X-Amz-Content-Sha256
 * (S3) and Authorization. {@code headers} must hold Host.
 */
export async function signRequest({ method, url, headers = {}, body = '', credentials, region, service,
  now = new Date() }) {
  const target = url instanceof URL ? url : new URL(url);
  const { stamp, day } = amzDate(now);
  const payloadHash = await sha256Hex(body);
  const signed = { ...headers, 'X-Amz-Date': stamp };
  if (service === 's3') signed['X-Amz-Content-Sha256'] = payloadHash;
  const sig = await signature({ method, url: target, headers: signed, payloadHash, credentials, region, service,
    stamp, day });
  return {
    ...signed,
    Authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${sig.scope}, `
      + `SignedHeaders=${sig.signedHeaders}, Signature=${sig.value}`,
  };
}

/** A presigned URL (query-string authentication, payload unsigned) for a GET of an S3 object. */
export async function presignUrl({ url, host, credentials, region, service = 's3', expiresSeconds = 900,
  now = new Date() }) {
  const target = new URL(url);
  const { stamp, day } = amzDate(now);
  target.searchParams.set('X-Amz-Algorithm', 'AWS4-HMAC-SHA256');
  target.searchParams.set('X-Amz-Credential', `${credentials.accessKeyId}/${day}/${region}/${service}/aws4_request`);
  target.searchParams.set('X-Amz-Date', stamp);
  target.searchParams.set('X-Amz-Expires', String(expiresSeconds));
  target.searchParams.set('X-Amz-SignedHeaders', 'host');
  const sig = await signature({ method: 'GET', url: target, headers: { host: host || target.host },
    payloadHash: 'UNSIGNED-PAYLOAD', credentials, region, service, stamp, day });
  target.searchParams.set('X-Amz-Signature', sig.value);
  return target.toString();
}
