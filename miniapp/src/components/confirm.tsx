// Moved to the page kit (kit/components/confirm.tsx).
export { useConfirm, ConfirmInline, type Ask, type ConfirmOptions } from '@/kit/components/confirm'
