/**
 * react-admin messages that the older Chinese pack (ra-language-chinese) lacks and users meet: without them an
 * empty filtered list, an access refusal or a page range falls back to English in the Chinese console.
 */
export const raChineseSupplement = {
  ra: {
    action: {
      clear_array_input: '清空列表',
      create_item: '新建 %{item}',
      remove_all_filters: '清除所有筛选',
      reset: '重置',
      search_columns: '搜索列',
      select_all: '全选',
      select_all_button: '全选',
      select_row: '选择此行',
      update: '更新',
      move_up: '上移',
      move_down: '下移',
      open: '打开',
      toggle_theme: '切换明暗主题',
      select_columns: '列',
      update_application: '重新加载应用',
    },
    page: { access_denied: '无权访问', authentication_error: '认证出错' },
    message: {
      access_denied: '您没有访问此页面的权限',
      authentication_error: '认证服务返回错误，无法核验您的登录信息。',
      auth_error: '核验登录令牌时出错。',
      clear_array_input: '确定要清空整个列表吗？',
      details: '详情',
      placeholder_data_warning: '网络问题：数据刷新失败。',
    },
    navigation: {
      clear_filters: '清除筛选',
      no_filtered_results: '当前筛选条件下没有%{name}。',
      partial_page_range_info: '%{offsetBegin}-%{offsetEnd} / 超过 %{offsetEnd}',
      current_page: '第 %{page} 页',
      page: '转到第 %{page} 页',
      first: '转到第一页',
      last: '转到最后一页',
      previous: '转到上一页',
    },
    notification: {
      not_authorized: '您无权访问此资源。',
      application_update_available: '有新版本可用。',
      offline: '网络不通，无法获取数据。',
    },
    validation: { unique: '不能重复' },
  },
};
