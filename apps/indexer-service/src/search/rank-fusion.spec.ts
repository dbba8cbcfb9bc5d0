import { fuseRankings, RRF_K } from './rank-fusion.js';

describe('fuseRankings', () => {
  it('keeps the order of a single list', () => {
    expect(fuseRankings([{ ids: [3, 1, 2] }]).map((x) => x.id)).toEqual([3, 1, 2]);
  });

  it('scores 1 / (k + rank) per list and adds them up', () => {
    const fused = fuseRankings([{ ids: [1, 2] }, { ids: [2, 3] }]);
    expect(fused.map((x) => x.id)).toEqual([2, 1, 3]);
    expect(fused[0].score).toBeCloseTo(1 / (RRF_K + 2) + 1 / (RRF_K + 1));
    expect(fused[1].score).toBeCloseTo(1 / (RRF_K + 1));
  });

  it('lifts an item both lists rank well over one only a single list ranks first', () => {
    const lexical = [10, 20, 30, 40];
    const semantic = [50, 20, 60, 10];
    expect(
      fuseRankings([{ ids: lexical }, { ids: semantic }])
        .map((x) => x.id)
        .slice(0, 2),
    ).toEqual([20, 10]);
  });

  it('breaks ties by the earlier list, then by id', () => {
    expect(fuseRankings([{ ids: [7] }, { ids: [5] }]).map((x) => x.id)).toEqual([7, 5]);
    expect(fuseRankings([{ ids: [9, 4] }, { ids: [4, 9] }]).map((x) => x.id)).toEqual([9, 4]);
  });

  it('counts a repeated id once, at its best rank', () => {
    const fused = fuseRankings([{ ids: [1, 1, 2] }]);
    expect(fused).toHaveLength(2);
    expect(fused[1].score).toBeCloseTo(1 / (RRF_K + 3));
  });

  it('weighs lists', () => {
    expect(fuseRankings([{ ids: [1] }, { ids: [2], weight: 2 }]).map((x) => x.id)).toEqual([2, 1]);
  });

  it('fuses nothing into nothing', () => {
    expect(fuseRankings([])).toEqual([]);
    expect(fuseRankings([{ ids: [] }])).toEqual([]);
  });
});
