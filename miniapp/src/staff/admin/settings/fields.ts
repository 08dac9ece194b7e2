// Chinese labels and units of the rule settings (shared/src/contract/settings.ts), group by group.
import type { SettingGroup } from '@bianmin/shared'

export interface FieldDef { key: string; label: string; unit: string; hint?: string; text?: boolean }
export interface GroupDef { key: SettingGroup; title: string; fields: FieldDef[] }

export const settingGroupDefs: GroupDef[] = [
  {
    key: 'booking', title: '预约办理',
    fields: [
      { key: 'maxWorkdaysAhead', label: '可提前预约的工作日数', unit: '个工作日' },
      { key: 'cancelCutoffHours', label: '取消截止（办理前）', unit: '小时', hint: '晚于此时取消算作临近取消' },
      { key: 'noShowLimit', label: '爽约次数上限', unit: '次', hint: '统计周期内达到此数即暂停预约' },
      { key: 'noShowWindowDays', label: '爽约统计周期', unit: '天' },
      { key: 'suspensionDays', label: '暂停预约天数', unit: '天' },
    ],
  },
  {
    key: 'rating', title: '好差评',
    fields: [
      { key: 'windowDays', label: '评价期限（办结后）', unit: '天' },
      { key: 'rectificationWorkdays', label: '差评整改期限', unit: '个工作日' },
    ],
  },
  {
    key: 'consultation', title: '在线咨询',
    fields: [
      { key: 'consultWorkdays', label: '咨询答复期限', unit: '个工作日' },
      { key: 'complaintWorkdays', label: '投诉答复期限', unit: '个工作日' },
      { key: 'suggestionWorkdays', label: '建议答复期限', unit: '个工作日' },
      { key: 'autoCloseDays', label: '答复后自动办结', unit: '天', hint: '群众未回复的，过此天数自动办结' },
    ],
  },
  {
    key: 'disclosure', title: '依申请公开',
    fields: [
      { key: 'replyWorkdays', label: '答复期限', unit: '个工作日', hint: '《政府信息公开条例》规定 20 个工作日' },
      { key: 'extensionWorkdays', label: '延期最多', unit: '个工作日' },
      { key: 'correctionWorkdays', label: '告知补正期限（收到申请后）', unit: '个工作日' },
      { key: 'thirdPartyMaxWorkdays', label: '征求第三方意见期限', unit: '个工作日' },
      { key: 'correctionAnswerWorkdays', label: '申请人补正期限', unit: '个工作日' },
    ],
  },
  {
    key: 'auth', title: '登录与安全',
    fields: [
      { key: 'lockoutThreshold', label: '密码连续输错几次锁定', unit: '次' },
      { key: 'lockoutMinutes', label: '登录锁定时长', unit: '分钟' },
      { key: 'staffTokenHours', label: '工作人员登录有效期', unit: '小时' },
      { key: 'staffIdleMinutes', label: '工作人员无操作自动退出', unit: '分钟' },
      { key: 'residentTokenDays', label: '群众登录有效期', unit: '天' },
    ],
  },
  {
    key: 'privacy', title: '隐私政策',
    fields: [{ key: 'version', label: '隐私政策版本号', unit: '', hint: '改版本号后，群众再次使用时需重新同意', text: true }],
  },
  {
    key: 'retention', title: '数据保存',
    fields: [{ key: 'auditMonths', label: '操作记录（审计日志）保存', unit: '个月' }],
  },
  {
    key: 'hall', title: '服务大厅',
    fields: [
      { key: 'appointmentGraceMinutes', label: '预约签到优先（时段开始后）', unit: '分钟', hint: '在此时间内签到的预约排在时段开始后取号的群众之前；0 表示不优先' },
      { key: 'raterMinutes', label: '评价器可评价（办结后）', unit: '分钟' },
      { key: 'nearAhead', label: '前面还剩几位时提醒群众', unit: '位' },
      { key: 'ticketHours', label: '默认取号时间', unit: '', hint: '服务中心未写明办公时间时使用，如 08:30-12:00,14:30-17:30', text: true },
    ],
  },
  {
    key: 'rateLimits', title: '防刷限制',
    fields: [
      { key: 'loginPerMinute', label: '同一网络每分钟登录', unit: '次' },
      { key: 'staffLoginPer15Minutes', label: '同一工作人员账号每 15 分钟登录', unit: '次' },
      { key: 'bookingsPerMinute', label: '每位群众每分钟预约', unit: '次' },
      { key: 'submissionsPerHour', label: '每位群众每小时提交（咨询、申请等）', unit: '次' },
      { key: 'uploadsPerHour', label: '每人每小时上传图片或文件', unit: '个' },
    ],
  },
]
