import { describe, expect, test } from '@jest/globals';
import { topologiesTable, topologyRow } from './topologies.js';

const level = (share, rate, api, bare) => ({ share, rate, api: { p50: api[0], p99: api[1] }, bare: { p50: bare[0], p99: bare[1] } });

const record = {
  machine: { loadAverage: [5.5, 3, 2] },
  parameters: { loadAverageAtStart: [3.21, 2, 1] },
  results: {
    intake: { sustainable: { api: 6, bare: 8 }, lowerBound: { api: false, bare: true }, ratio: 0.75 },
    actions: { intakeRate: 6, levels: [level(0.8, 4.8, [90, 300], [70, 200]), level(0.5, 3, [80.5, 250], [60, 150])] },
  },
};

describe('topologyRow', () => {
  test('takes the sustainable intakes (≥ where no step failed), their ratio, the 50% action level and the load before and after', () => {
    expect(topologyRow('two real nodes', record)).toEqual({
      topology: 'two real nodes',
      apiIntake: '6/s',
      bareIntake: '≥ 8/s',
      ratio: 0.75,
      actionRate: '3/s',
      apiP50: 80.5,
      apiP99: 250,
      bareP50: 60,
      bareP99: 150,
      load: '3.21→5.5',
    });
  });

  test('leaves out what a run did not measure: no sustainable rate, no 50% level, no run at all', () => {
    const unsustained = { ...record, results: { intake: { ...record.results.intake, sustainable: { api: null, bare: 2 }, ratio: null } } };
    expect(topologyRow('dev server', unsustained)).toMatchObject({
      apiIntake: null,
      bareIntake: '≥ 2/s',
      ratio: null,
      actionRate: null,
      apiP50: null,
    });
    expect(Object.values(topologyRow('one real node', null)).filter((value) => value !== null)).toEqual(['one real node']);
  });
});

describe('topologiesTable', () => {
  test('puts the topologies one per line under one header', () => {
    const lines = topologiesTable([topologyRow('dev server', record), topologyRow('one real node', null)]).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Temporal\s+API intake\s+bare intake\s+API\/bare\s+actions at 50%\s+API p50 ms/);
    expect(lines[2]).toMatch(/^dev server\s+6\/s\s+≥ 8\/s\s+0\.75\s+3\/s\s+80\.5\s+250\s+60\s+150\s+3\.21→5\.5$/);
    expect(lines[3]).toMatch(/^one real node(\s+-)+$/);
  });
});
