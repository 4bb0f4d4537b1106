import { API_ENV, readApiConfig } from './api-config';

const valid = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/whistle',
  TEMPORAL_ADDRESS: 'localhost:7233',
  WHISTLE_JWT_SECRET: 'x'.repeat(32),
};

describe('API configuration', () => {
  it('fills defaults and coerces the port', () => {
    expect(readApiConfig({ ...valid, PORT: '4000' })).toMatchObject({ PORT: 4000, TEMPORAL_NAMESPACE: 'default', WHISTLE_TOKEN_TTL: '8h' });
  });

  it('refuses to boot with every problem named', () => {
    expect(() => readApiConfig({ TEMPORAL_ADDRESS: 'x', WHISTLE_JWT_SECRET: 'short' })).toThrow(
      /DATABASE_URL.*WHISTLE_JWT_SECRET: WHISTLE_JWT_SECRET must be at least 32/,
    );
  });

  it('treats an empty admin password as unset, and refuses one the password policy refuses', () => {
    expect(readApiConfig({ ...valid, WHISTLE_ADMIN_PASSWORD: '' }).WHISTLE_ADMIN_PASSWORD).toBeUndefined();
    expect(() => readApiConfig({ ...valid, WHISTLE_ADMIN_PASSWORD: 'short-pw' })).toThrow(/at least 10/);
    expect(() => readApiConfig({ ...valid, WHISTLE_ADMIN_PASSWORD: '1234567890' })).toThrow(/too common/);
    expect(readApiConfig({ ...valid, WHISTLE_ADMIN_PASSWORD: 'a-long-admin-secret' }).WHISTLE_ADMIN_PASSWORD).toBe('a-long-admin-secret');
  });

  it('trusts no proxy by default, and reads a list of addresses and CIDR blocks', () => {
    expect(readApiConfig(valid).WHISTLE_TRUSTED_PROXIES).toEqual([]);
    expect(readApiConfig({ ...valid, WHISTLE_TRUSTED_PROXIES: ' 10.0.0.1, 10.1.0.0/16,::1 ' }).WHISTLE_TRUSTED_PROXIES).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
      '::1',
    ]);
    expect(() => readApiConfig({ ...valid, WHISTLE_TRUSTED_PROXIES: 'loopback' })).toThrow(/WHISTLE_TRUSTED_PROXIES/);
    expect(() => readApiConfig({ ...valid, WHISTLE_TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/WHISTLE_TRUSTED_PROXIES/);
  });

  it('reads the map settings: no tiles by default, a tile template and a centre when given, a bad one refused', () => {
    expect(readApiConfig(valid)).toMatchObject({
      WHISTLE_MAP_ATTRIBUTION: '',
      WHISTLE_MAP_CENTER: { latitude: 36.088, longitude: 120.378, zoom: 14 },
    });
    expect(readApiConfig(valid).WHISTLE_MAP_TILE_URL).toBeUndefined();
    expect(readApiConfig({ ...valid, WHISTLE_MAP_TILE_URL: '' }).WHISTLE_MAP_TILE_URL).toBeUndefined();
    const city = readApiConfig({
      ...valid,
      WHISTLE_MAP_TILE_URL: 'https://tiles.city.example/{z}/{x}/{y}.png',
      WHISTLE_MAP_CENTER: '36.07,120.38,12',
    });
    expect(city).toMatchObject({
      WHISTLE_MAP_TILE_URL: 'https://tiles.city.example/{z}/{x}/{y}.png',
      WHISTLE_MAP_CENTER: { latitude: 36.07, longitude: 120.38, zoom: 12 },
    });
    expect(() => readApiConfig({ ...valid, WHISTLE_MAP_TILE_URL: 'https://tiles.city.example/tile.png' })).toThrow(
      /WHISTLE_MAP_TILE_URL must contain \{z\}/,
    );
    expect(() => readApiConfig({ ...valid, WHISTLE_MAP_CENTER: '36.07,120.38' })).toThrow(/WHISTLE_MAP_CENTER must be latitude,longitude,zoom/);
  });

  it('reads the webhook policy, strict by default, and refuses a malformed address list', () => {
    expect(readApiConfig(valid)).toMatchObject({ WHISTLE_WEBHOOK_ALLOW_HTTP: false, WHISTLE_WEBHOOK_ALLOWED_ADDRESSES: [] });
    expect(readApiConfig({ ...valid, WHISTLE_WEBHOOK_ALLOW_HTTP: 'true', WHISTLE_WEBHOOK_ALLOWED_ADDRESSES: '127.0.0.1/32' })).toMatchObject({
      WHISTLE_WEBHOOK_ALLOW_HTTP: true,
      WHISTLE_WEBHOOK_ALLOWED_ADDRESSES: ['127.0.0.1/32'],
    });
    expect(() => readApiConfig({ ...valid, WHISTLE_WEBHOOK_ALLOWED_ADDRESSES: 'localhost' })).toThrow(/WHISTLE_WEBHOOK_ALLOWED_ADDRESSES/);
    expect(readApiConfig({ ...valid, WHISTLE_TEMPORAL_UI_URL: '' }).WHISTLE_TEMPORAL_UI_URL).toBeUndefined();
    expect(readApiConfig({ ...valid, WHISTLE_TEMPORAL_UI_URL: 'http://127.0.0.1:8233' }).WHISTLE_TEMPORAL_UI_URL).toBe('http://127.0.0.1:8233');
    expect(() => readApiConfig({ ...valid, WHISTLE_TEMPORAL_UI_URL: 'not a url' })).toThrow(/WHISTLE_TEMPORAL_UI_URL/);
  });

  it('knows which variables are required', () => {
    expect(API_ENV.required.sort()).toEqual(['DATABASE_URL', 'TEMPORAL_ADDRESS', 'WHISTLE_JWT_SECRET']);
  });

  it('stores attachments on local disk under the data directory unless told s3, which needs a bucket', () => {
    expect(readApiConfig(valid)).toMatchObject({
      WHISTLE_ATTACHMENT_STORAGE: 'local',
      WHISTLE_DATA_DIR: '.data',
      WHISTLE_ATTACHMENT_MAX_BYTES: 10 * 1024 * 1024,
      WHISTLE_S3_FORCE_PATH_STYLE: true,
    });
    expect(() => readApiConfig({ ...valid, WHISTLE_ATTACHMENT_STORAGE: 's3' })).toThrow(
      /WHISTLE_S3_BUCKET: needed when WHISTLE_ATTACHMENT_STORAGE is s3/,
    );
    expect(readApiConfig({ ...valid, WHISTLE_ATTACHMENT_STORAGE: 's3', WHISTLE_S3_BUCKET: 'b', WHISTLE_S3_FORCE_PATH_STYLE: 'false' })).toMatchObject(
      {
        WHISTLE_S3_BUCKET: 'b',
        WHISTLE_S3_FORCE_PATH_STYLE: false,
      },
    );
    expect(() => readApiConfig({ ...valid, WHISTLE_ATTACHMENT_STORAGE: 'ftp' })).toThrow(/WHISTLE_ATTACHMENT_STORAGE/);
  });
});
