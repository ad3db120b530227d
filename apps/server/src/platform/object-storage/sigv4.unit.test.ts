// The signer against the examples published in the AWS S3 API reference ("Authenticating Requests: Using the
// Authorization Header (AWS Signature Version 4)", examples GET object, PUT object, GET bucket lifecycle and
// GET bucket): same credentials, same instant, same signatures.
import { describe, expect, it } from 'vitest';
import { amzDate, canonicalQuery, canonicalUri, EMPTY_PAYLOAD_SHA256, sha256Hex, signV4, uriEncode } from './sigv4.ts';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const scope = { region: 'us-east-1', service: 's3', now: new Date('2013-05-24T00:00:00Z') };
const bucket = 'https://examplebucket.s3.amazonaws.com';

describe('AWS Signature Version 4, published S3 examples', () => {
  it('GET object with a Range header', () => {
    const signed = signV4({ method: 'GET', url: new URL(`${bucket}/test.txt`), headers: { Range: 'bytes=0-9' }, payloadHash: EMPTY_PAYLOAD_SHA256 }, credentials, scope);
    expect(signed.canonicalRequest).toBe(
      [
        'GET',
        '/test.txt',
        '',
        'host:examplebucket.s3.amazonaws.com',
        'range:bytes=0-9',
        `x-amz-content-sha256:${EMPTY_PAYLOAD_SHA256}`,
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        EMPTY_PAYLOAD_SHA256,
      ].join('\n'),
    );
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('PUT object with a body, a Date header, a storage class and `$` in the key', () => {
    const payloadHash = sha256Hex('Welcome to Amazon S3.');
    expect(payloadHash).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const signed = signV4(
      {
        method: 'PUT',
        url: new URL(`${bucket}/test$file.text`),
        headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
        payloadHash,
      },
      credentials,
      scope,
    );
    expect(signed.canonicalRequest.split('\n').slice(0, 2)).toEqual(['PUT', '/test%24file.text']);
    expect(signed.stringToSign).toBe('AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d');
    expect(signed.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
    // The already encoded form of the same key signs the same.
    const encoded = signV4({ method: 'PUT', url: new URL(`${bucket}/test%24file.text`), headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' }, payloadHash }, credentials, scope);
    expect(encoded.signature).toBe(signed.signature);
  });

  it('GET bucket lifecycle (a sub-resource without a value)', () => {
    const signed = signV4({ method: 'GET', url: new URL(`${bucket}/?lifecycle`), headers: {}, payloadHash: EMPTY_PAYLOAD_SHA256 }, credentials, scope);
    expect(sha256Hex(signed.canonicalRequest)).toBe('9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca');
    expect(signed.signature).toBe('fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543');
  });

  it('GET bucket (list objects) with query parameters out of order', () => {
    const signed = signV4({ method: 'GET', url: new URL(`${bucket}/?prefix=J&max-keys=2`), headers: {}, payloadHash: EMPTY_PAYLOAD_SHA256 }, credentials, scope);
    expect(signed.canonicalRequest.split('\n')[2]).toBe('max-keys=2&prefix=J');
    expect(signed.signature).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
  });
});

describe('SigV4 canonical forms', () => {
  it('encodes every byte but the unreserved ones, keeping slashes only in paths', () => {
    expect(uriEncode("a b+c!'()*~-_.")).toBe('a%20b%2Bc%21%27%28%29%2A~-_.');
    expect(uriEncode('ảnh/ký', true)).toBe('%E1%BA%A3nh/k%C3%BD');
    expect(uriEncode('a/b')).toBe('a%2Fb');
    expect(canonicalUri('/bucket/images/9f3a/thumb.webp')).toBe('/bucket/images/9f3a/thumb.webp');
    expect(canonicalUri('')).toBe('/');
    expect(canonicalQuery(new URLSearchParams('b=2&a=x%20y&a=%2B&c='))).toBe('a=%2B&a=x%20y&b=2&c=');
  });

  it('formats the request time as ISO 8601 basic, in UTC', () => {
    expect(amzDate(new Date('2026-11-29T08:05:09.123Z'))).toBe('20261129T080509Z');
  });

  it('changes the signature with the secret, the body and the time, and never carries the secret', () => {
    const request = { method: 'PUT', url: new URL('http://127.0.0.1:9000/txng/a.bin'), headers: { 'content-type': 'image/webp' }, payloadHash: sha256Hex('a') };
    const a = signV4(request, credentials, scope);
    expect(signV4(request, { ...credentials, secretAccessKey: 'another' }, scope).signature).not.toBe(a.signature);
    expect(signV4({ ...request, payloadHash: sha256Hex('b') }, credentials, scope).signature).not.toBe(a.signature);
    expect(signV4(request, credentials, { ...scope, now: new Date('2013-05-24T00:00:01Z') }).signature).not.toBe(a.signature);
    expect(a.headers.host).toBe('127.0.0.1:9000');
    expect(a.headers.authorization).toContain('SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date,');
    expect(JSON.stringify(a)).not.toContain(credentials.secretAccessKey);
  });
});
