// Moved to the page kit: Cell is ListItem, CellGroup is List (kit/components/list.tsx).
export { ListItem as Cell, List as CellGroup } from '@/kit/components/list'
