// Demo data on the first start outside production; in production only the `admin` account (ADMIN_PASSWORD).
import type { Deps } from '../platform/types'
import { hashPassword, randomPassword } from '../platform/password'
import { demoItems } from './service-items'
import { generateAllSlots } from '../modules/appointments/slot.generator'
import { createFirstAdmin } from '../modules/ops/first-admin'
import { modules as allModules } from '../modules/index'
import { collect, type ModuleDef } from '../platform/module'

export const DEMO_STAFF = [
  { username: 'admin', name: '林建国', roles: 'ADMIN' },
  { username: 'editor', name: '陈晓燕', roles: 'EDITOR' },
  { username: 'reviewer', name: '黄志明', roles: 'REVIEWER' },
  { username: 'clerk', name: '王丽华', roles: 'CLERK' },
  { username: 'handler', name: '张伟', roles: 'HANDLER' },
] as const

export async function seedOnFirstStart (deps: Deps, modules: readonly ModuleDef[] = allModules): Promise<void> {
  const { db, config, log } = deps
  if (await db.org.count() > 0) {
    if (!config.production) await generateAllSlots(deps)
    return
  }
  if (config.production) {
    // Never demo data: only the first org and `admin`, from ORG_NAME + ADMIN_PASSWORD (or later: npm run admin -- create-admin).
    if (!config.adminPassword || !config.firstOrg.name) {
      log.warn('空数据库：未设置 ADMIN_PASSWORD 与 ORG_NAME，未创建机构和管理员（可运行 npm run admin -- create-admin --org-name <本单位名称>）')
      return
    }
    const r = await createFirstAdmin(db, {
      password: config.adminPassword, orgName: config.firstOrg.name, orgLevel: config.firstOrg.level, orgCode: config.firstOrg.code, via: 'start-up',
    })
    log.info({ org: r.orgName }, '已创建机构和管理员账号 admin（首次登录须修改密码）')
    return
  }
  await seedDemo(deps, modules)
}

async function createOrg (deps: Deps, data: { name: string; shortName?: string; code: string; level: 'DISTRICT' | 'STREET' | 'COMMUNITY'; sort?: number }, parent?: { id: string; path: string }) {
  const org = await deps.db.org.create({ data: { ...data, parentId: parent?.id ?? null, path: `/pending-${data.code}/` } })
  return deps.db.org.update({ where: { id: org.id }, data: { path: `${parent?.path ?? '/'}${org.id}/` } })
}

/** The demo street with halls, items, slots and staff, then every module's demo seeds (in list order). */
export async function seedDemo (deps: Deps, modules: readonly ModuleDef[] = allModules): Promise<void> {
  const { db, config, log } = deps
  const district = await createOrg(deps, { name: '厦门市湖里区人民政府', shortName: '湖里区', code: '350206', level: 'DISTRICT' })
  const street = await createOrg(deps, { name: '湖里街道办事处', shortName: '湖里街道', code: '350206001', level: 'STREET' }, district)
  await createOrg(deps, { name: '禾山街道办事处', shortName: '禾山街道', code: '350206002', level: 'STREET', sort: 1 }, district)
  const communities = []
  for (const [i, name] of ['东荣社区居民委员会', '塘边社区居民委员会', '湖里社区居民委员会'].entries()) {
    communities.push(await createOrg(deps, { name, shortName: name.replace('居民委员会', ''), code: `350206001${String(i + 1).padStart(3, '0')}`, level: 'COMMUNITY', sort: i }, street))
  }

  const hall = await db.hall.create({ data: { orgId: street.id, name: '湖里街道便民服务中心', address: '厦门市湖里区湖里大道 68 号一楼', phone: '0592-5620000', openHours: '工作日 8:30-12:00，14:30-17:30（法定节假日除外）', queuePrefix: 'A' } })
  const station = await db.hall.create({ data: { orgId: communities[0]!.id, name: '东荣社区党群服务中心便民服务站', address: '厦门市湖里区东荣路 22 号', phone: '0592-5620001', openHours: '工作日 8:30-12:00，14:30-17:30', queuePrefix: 'B' } })

  const items = []
  for (const it of demoItems) {
    items.push(await db.serviceItem.create({
      data: { ...it, orgId: street.id, materials: it.materials, fullyOnline: it.fullyOnline ?? false, maxOneVisit: it.maxOneVisit ?? !it.fullyOnline, homeVisit: it.homeVisit ?? false },
    }))
  }
  const windows = [
    { number: '1', name: '社会保障窗口', cats: ['社会保障', '就业创业'] },
    { number: '2', name: '民政救助窗口', cats: ['社会救助', '残疾人服务', '养老服务'] },
    { number: '3', name: '户籍居住窗口', cats: ['户籍居住', '证明开具', '计生服务'] },
    { number: '4', name: '综合受理窗口', cats: ['退役军人服务', '社会保障', '社会救助', '户籍居住'] },
  ]
  for (const w of windows) {
    const win = await db.window.create({ data: { hallId: hall.id, number: w.number, name: w.name } })
    const mine = items.filter((i) => w.cats.includes(i.category))
    await db.windowServiceItem.createMany({ data: mine.map((i) => ({ windowId: win.id, serviceItemId: i.id })) })
  }
  const stationWin = await db.window.create({ data: { hallId: station.id, number: '1', name: '社区综合窗口' } })
  await db.windowServiceItem.createMany({ data: items.filter((i) => ['养老服务', '残疾人服务', '社会保障'].includes(i.category)).map((i) => ({ windowId: stationWin.id, serviceItemId: i.id })) })

  // Weekly templates: half-hour slots, mornings and afternoons, Monday to Friday.
  const times = [['09:00', '09:30'], ['09:30', '10:00'], ['10:00', '10:30'], ['10:30', '11:00'], ['11:00', '11:30'], ['14:30', '15:00'], ['15:00', '15:30'], ['15:30', '16:00'], ['16:00', '16:30'], ['16:30', '17:00']] as const
  for (const h of [{ id: hall.id, cap: 3 }, { id: station.id, cap: 2 }]) {
    const rows = []
    for (let wd = 1; wd <= 5; wd++) for (const [start, end] of times) rows.push({ hallId: h.id, weekday: wd, start, end, capacity: h.cap })
    await db.slotTemplate.createMany({ data: rows })
  }

  const password = config.demoPassword ?? randomPassword()
  const hash = await hashPassword(password)
  for (const s of DEMO_STAFF) {
    await db.staff.create({ data: { ...s, orgId: street.id, passwordHash: hash, hallId: s.username === 'clerk' ? hall.id : null } })
  }
  if (!config.demoPassword) {
    // Printed once: the demo accounts' password (set DEMO_PASSWORD to choose it).
    console.log(`\n演示账号 admin / editor / reviewer / clerk / handler 的密码：${password}\n`)
  }
  for (const seeder of collect(modules).seeds) await seeder(deps, { districtId: district.id, streetId: street.id, communityIds: communities.map((c) => c.id), hallIds: [hall.id, station.id] })
  const n = await generateAllSlots(deps)
  log.info({ slots: n, items: items.length }, '已写入演示数据')
}
