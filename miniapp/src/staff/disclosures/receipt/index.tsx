import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { disclosureApplicantTypeLabels, disclosureChannelLabels, disclosureFormLabels } from '@bianmin/shared'
import { staffApi } from '@/api/client'
import { Action, Actions, InfoRow, Loaded, Section, go, useResource } from '@/kit'
import { StaffPage } from '../../shell/staff-page'
import './index.scss'

const day = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`

/** 政府信息公开申请受理回执: printed and handed (or posted) to the applicant. */
export default function StaffDisclosureReceiptPage () {
  const { params } = useRouter()
  const d = useResource(() => staffApi('getStaffDisclosure', { params: { id: params.id ?? '' } }), [params.id], { enabled: Boolean(params.id) })
  return (
    <StaffPage title='受理回执' section='staffDisclosureRecord'>
      <Loaded resource={d}>
        {(x) => (
          <Section testId='dr-receipt'>
            <Text className='dr-receipt__title'>政府信息公开申请受理回执</Text>
            <Text className='dr-receipt__serial' data-testid='dr-serial'>{`申请编号：${x.serialNo ?? '—'}`}</Text>
            <InfoRow label='申请人'>{x.applicantName ? `${x.applicantName}（联系人 ${x.contactName}）` : x.contactName}</InfoRow>
            <InfoRow label='申请人类型'>{disclosureApplicantTypeLabels[x.applicantType]}</InfoRow>
            {x.applicantIdNumber && <InfoRow label='证件号码'>{x.applicantIdNumber}</InfoRow>}
            <InfoRow label='申请方式'>{disclosureChannelLabels[x.channel]}</InfoRow>
            <InfoRow label='收到日期' testId='dr-receipt-received'>{day(x.receivedAt)}</InfoRow>
            <InfoRow label='所需信息'>{x.description}</InfoRow>
            <InfoRow label='获取方式'>{disclosureFormLabels[x.form]}</InfoRow>
            {x.postalAddress && <InfoRow label='邮寄地址'>{x.postalAddress}</InfoRow>}
            <InfoRow label='受理机关'>{x.orgName}</InfoRow>
            <InfoRow label='答复期限' testId='dr-receipt-due'>{`${day(x.dueAt)}前`}</InfoRow>
            <Text className='dr-receipt__note'>
              本机关已收到您的政府信息公开申请。依据《中华人民共和国政府信息公开条例》第三十三条，将自收到申请之日起20个工作日内予以答复；需要延长答复期限的，将另行告知。查询办理进度请提供申请编号。
            </Text>
            <View className='dr-receipt__actions'>
              <Actions>
                {process.env.TARO_ENV === 'h5' && <Action kind='primary' onClick={() => window.print()} testId='dr-print'>打印回执</Action>}
                <Action onClick={() => go('staffDisclosureDetail', { id: x.id })}>查看办理详情</Action>
              </Actions>
            </View>
          </Section>
        )}
      </Loaded>
    </StaffPage>
  )
}
