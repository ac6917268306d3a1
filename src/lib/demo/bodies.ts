/** The demo corpus's issuing bodies: a province's departments, its government, and (for large corpora) its cities and counties. */
export interface DemoBody {
  name: string;
  region: string;
  level: '省级' | '市级' | '县级';
  kind: 'department' | 'government' | 'consolidated';
  /** Requests a year, roughly; a few bodies receive thousands, most dozens. */
  requests: number;
  /** Licensing decisions a year, roughly. */
  licensing: number;
  /** Share of requests 予以公开 (the rest spread over the other outcomes). */
  openness: number;
}

const PROVINCE = '浙江省';

// [department, requests a year, licensing decisions a year]
const DEPARTMENTS: [string, number, number][] = [
  ['发展和改革委员会', 60, 900], ['经济和信息化厅', 12, 3200], ['教育厅', 90, 1500], ['科学技术厅', 25, 400],
  ['民族宗教事务委员会', 6, 40], ['公安厅', 2400, 52000], ['民政厅', 80, 300], ['司法厅', 120, 2600],
  ['财政厅', 110, 150], ['人力资源和社会保障厅', 650, 8800], ['自然资源厅', 1800, 4200], ['生态环境厅', 420, 2100],
  ['住房和城乡建设厅', 1500, 6300], ['交通运输厅', 260, 18000], ['水利厅', 70, 700], ['农业农村厅', 95, 2400],
  ['商务厅', 40, 1200], ['文化和旅游厅', 35, 800], ['卫生健康委员会', 380, 9500], ['退役军人事务厅', 55, 20],
  ['应急管理厅', 48, 1900], ['审计厅', 15, 0], ['人民政府外事办公室', 8, 600], ['人民政府国有资产监督管理委员会', 30, 10],
  ['市场监督管理局', 900, 25000], ['广播电视局', 12, 350], ['体育局', 10, 90], ['统计局', 45, 20],
  ['医疗保障局', 160, 500], ['机关事务管理局', 9, 0], ['信访局', 20, 0], ['林业局', 30, 1300],
  ['粮食和物资储备局', 7, 120], ['药品监督管理局', 85, 7200], ['地方金融监督管理局', 22, 160], ['大数据发展管理局', 14, 30],
  ['人民防空办公室', 11, 450], ['能源局', 18, 380], ['文物局', 9, 210], ['监狱管理局', 26, 0],
];

const CITIES = ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市'];

function department(name: string, region: string, level: DemoBody['level'], requests: number, licensing: number, i: number): DemoBody {
  return { name, region, level, kind: 'department', requests, licensing, openness: 0.35 + ((i * 37) % 40) / 100 };
}

/**
 * n bodies: the province's own government and departments first, then city
 * and county departments (scaled down), then numbered townships.
 */
export function demoBodies(n: number): DemoBody[] {
  const bodies: DemoBody[] = [
    { name: `${PROVINCE}人民政府`, region: PROVINCE, level: '省级', kind: 'government', requests: 300, licensing: 0, openness: 0.5 },
    ...DEPARTMENTS.map(([d, requests, licensing], i) => department(`${PROVINCE}${d}`, PROVINCE, '省级', requests, licensing, i)),
  ];
  for (let c = 0; bodies.length < n && c < CITIES.length * 40; c++) {
    const [d, requests, licensing] = DEPARTMENTS[c % DEPARTMENTS.length];
    const city = CITIES[Math.floor(c / DEPARTMENTS.length) % CITIES.length];
    const name = `${city}${d.replace(/厅$/, '局').replace(/^人民政府/, '人民政府')}`;
    bodies.push(department(name, city, '市级', Math.max(2, Math.round(requests / 3)), Math.round(licensing / 4), c));
  }
  for (let k = 0; bodies.length < n; k++) {
    const city = CITIES[k % CITIES.length];
    bodies.push(department(`${city}第${Math.floor(k / CITIES.length) + 1}街道办事处`, city, '县级', 3 + (k % 11), k % 5 === 0 ? 40 : 0, k));
  }
  return bodies.slice(0, n);
}

/** The province-wide report that sums its bodies' reports: counted only where a view asks for it, never with them. */
export const CONSOLIDATED: DemoBody = {
  name: `${PROVINCE}（全省汇总）`,
  region: PROVINCE,
  level: '省级',
  kind: 'consolidated',
  requests: 0,
  licensing: 0,
  openness: 0,
};
