/**
 * The words of places (`whistle.places.*`): grids' responsible members, points on the map, the case list's map, in
 * both languages; the catalogues in ../i18n take them from here.
 */
export const PLACES_WORDS = {
  en: {
    location: 'Point on the map',
    pickHelp: 'Click the map where the problem is; click again to move the point.',
    picked: 'Placed at %{latitude}, %{longitude}',
    notPicked: 'No point placed',
    clear: 'Remove the point',
    noTiles: 'No map background is configured: the points are still placed and shown.',
    gridId: 'Grid',
    responsible: 'Grid member responsible',
    responsibleHelp: 'An active user of this grid or of its community',
    gridOnlyHelp: 'Only a grid has a grid member responsible',
    view: { list: 'List', map: 'Map' },
    mapCount: '%{shown} of the %{total} cases with a point',
    mapNone: 'No case in this list has a point on the map.',
    openCase: 'Open %{code}',
  },
  zh: {
    location: '地图位置',
    pickHelp: '在地图上点击问题所在的位置；再次点击可移动该点。',
    picked: '已标注：%{latitude}, %{longitude}',
    notPicked: '未标注位置',
    clear: '移除标注',
    noTiles: '未配置地图底图：仍可标注和查看位置。',
    gridId: '网格',
    responsible: '网格负责人',
    responsibleHelp: '本网格或其所属社区的在用账号',
    gridOnlyHelp: '只有网格有网格负责人',
    view: { list: '列表', map: '地图' },
    mapCount: '有位置的 %{total} 件中显示 %{shown} 件',
    mapNone: '此列表中没有标注了位置的案件。',
    openCase: '打开 %{code}',
  },
};
