import { describeCase } from './case-view';
import { NOW, openedCase } from './testing/case-fixtures';
import { openCaseSchema } from './case-input';
import { geoPointSchema, parseMapView, pickedPoint, tileUrlProblem } from './places';

const whistle = {
  title: 'Broken street light',
  description: 'The light at the gate has been out for a week',
  category: 'municipal',
  communityId: 'community-1',
  reporter: { name: 'Li Wei', phone: '13800001111' },
  channel: 'hotline',
};

describe('geoPointSchema', () => {
  it('takes a point on earth, the edges included', () => {
    expect(geoPointSchema.parse({ latitude: 31.2304, longitude: 121.4737 })).toEqual({ latitude: 31.2304, longitude: 121.4737 });
    expect(geoPointSchema.safeParse({ latitude: -90, longitude: -180 }).success).toBe(true);
    expect(geoPointSchema.safeParse({ latitude: 90, longitude: 180 }).success).toBe(true);
  });

  it.each([
    [{ latitude: 90.000001, longitude: 0 }, 'latitude', 'a latitude is at most 90'],
    [{ latitude: -91, longitude: 0 }, 'latitude', 'a latitude is at least -90'],
    [{ latitude: 0, longitude: 180.5 }, 'longitude', 'a longitude is at most 180'],
    [{ latitude: 0, longitude: -181 }, 'longitude', 'a longitude is at least -180'],
  ])('refuses %j, naming the coordinate', (point, path, message) => {
    const result = geoPointSchema.safeParse(point);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: [path], message })]);
  });

  it('refuses what is not a finite number, a missing coordinate, or more than a point', () => {
    expect(geoPointSchema.safeParse({ latitude: '31.2', longitude: 121 }).success).toBe(false);
    expect(geoPointSchema.safeParse({ latitude: Number.NaN, longitude: 121 }).success).toBe(false);
    expect(geoPointSchema.safeParse({ latitude: Number.POSITIVE_INFINITY, longitude: 121 }).success).toBe(false);
    expect(geoPointSchema.safeParse({ latitude: 31.2 }).success).toBe(false);
    expect(geoPointSchema.safeParse({ latitude: 31.2, longitude: 121, altitude: 4 }).success).toBe(false);
  });
});

describe('the whistle with a point', () => {
  it('carries an optional location', () => {
    expect(openCaseSchema.parse(whistle).location).toBeUndefined();
    expect(openCaseSchema.parse({ ...whistle, location: { latitude: 31.2, longitude: 121.5 } }).location).toEqual({
      latitude: 31.2,
      longitude: 121.5,
    });
  });

  it('refuses a point off the earth, under location', () => {
    const result = openCaseSchema.safeParse({ ...whistle, location: { latitude: 200, longitude: 121.5 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['location', 'latitude']);
    expect(openCaseSchema.safeParse({ ...whistle, location: null }).success).toBe(false);
  });
});

describe('pickedPoint', () => {
  it('rounds a click to six decimals', () => {
    expect(pickedPoint(31.230412345678, 121.473698765432)).toEqual({ latitude: 31.230412, longitude: 121.473699 });
  });

  it('wraps a longitude from a map panned past the antimeridian, and keeps latitudes on the earth', () => {
    expect(pickedPoint(10, 481.5)).toEqual({ latitude: 10, longitude: 121.5 });
    expect(pickedPoint(10, -238.5)).toEqual({ latitude: 10, longitude: 121.5 });
    expect(pickedPoint(95, 0)).toEqual({ latitude: 90, longitude: 0 });
    expect(geoPointSchema.safeParse(pickedPoint(-100, 900)).success).toBe(true);
  });
});

describe('a case opened with a point', () => {
  it('keeps the point in its state and shows it in its view', () => {
    const state = openedCase({ location: { latitude: 31.2304, longitude: 121.4737 } });
    expect(state.location).toEqual({ latitude: 31.2304, longitude: 121.4737 });
    expect(describeCase(state, NOW).location).toEqual({ latitude: 31.2304, longitude: 121.4737 });
  });

  it('has no location key without one (an older case replays to the state it had), and views show null', () => {
    const state = openedCase();
    expect(Object.hasOwn(state, 'location')).toBe(false);
    expect(describeCase(state, NOW).location).toBeNull();
  });
});

describe('tileUrlProblem', () => {
  it('takes an http(s) tile template', () => {
    expect(tileUrlProblem('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBeNull();
    expect(tileUrlProblem('http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png?style=light')).toBeNull();
    expect(tileUrlProblem('https://{s}.tiles.city.example/{z}/{x}/{y}.png')).toBeNull();
  });

  it('refuses what no map can fetch tiles from', () => {
    expect(tileUrlProblem('tiles/{z}/{x}/{y}.png')).toBe('must be a URL');
    expect(tileUrlProblem('file:///srv/tiles/{z}/{x}/{y}.png')).toBe('must be an http(s) URL');
    expect(tileUrlProblem('https://tiles.example/{z}/{x}.png')).toMatch(/^must contain \{y\}/);
  });
});

describe('parseMapView', () => {
  it('reads latitude,longitude,zoom', () => {
    expect(parseMapView('31.2304,121.4737,13')).toEqual({ latitude: 31.2304, longitude: 121.4737, zoom: 13 });
    expect(parseMapView(' -33.86 , 151.2 , 0 ')).toEqual({ latitude: -33.86, longitude: 151.2, zoom: 0 });
  });

  it.each(['31.2,121.4', '31.2,121.4,13,1', '91,121.4,13', '31.2,181,13', '31.2,121.4,20', '31.2,121.4,1.5', '31.2,,13', 'a,b,c'])(
    'refuses %s',
    (text) => expect(parseMapView(text)).toBeNull(),
  );
});
