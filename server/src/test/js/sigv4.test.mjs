// The UI's SigV4 signer against AWS's published examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signRequest, presignUrl, uriEncode } from '../../main/resources/io/glaux/ui/js/aws/sigv4.js';

const example = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

test('signs the get-vanilla request of the SigV4 test suite', async () => {
  const headers = await signRequest({ method: 'GET', url: 'https://example.amazonaws.com/',
    headers: { Host: 'example.amazonaws.com' }, credentials: example, region: 'us-east-1', service: 'service',
    now: new Date('2015-08-30T12:36:00Z') });
  assert.equal(headers.Authorization, 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/'
    + 'aws4_request, SignedHeaders=host;x-amz-date, '
    + 'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
});

test('presigns the S3 GET of the S3 documentation example', async () => {
  const url = await presignUrl({ url: 'https://examplebucket.s3.amazonaws.com/test.txt',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    region: 'us-east-1', expiresSeconds: 86400, now: new Date('2013-05-24T00:00:00Z') });
  assert.equal(new URL(url).searchParams.get('X-Amz-Signature'),
    'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
});

test('encodes as RFC 3986 wants, keeping slashes only when asked', () => {
  assert.equal(uriEncode('a b/c+d~é'), 'a%20b%2Fc%2Bd~%C3%A9');
  assert.equal(uriEncode('a b/c', true), 'a%20b/c');
});
