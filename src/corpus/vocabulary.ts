// Word tables for the fictional bulletin corpus (scripts/generate-corpus.ts), written once in Simplified.
// Traditional text comes from opencc-js at generation time: never add a Traditional copy here.
// Every name and place is invented and reads as a placeholder (测 样 示 虚 假 例 拟 + 甲乙丙丁…).
//
// Templates may hold tokens that the generator fills in, each as its own text fragment:
//   {P} jurisdiction name (示例区)   {L} level (区)   {C} committee (区委 / 镇党委)   {PARENT} 虚构市
//   {TOPIC} a work topic            {LOC} a locality  {SITE} a place visited        {DEPT} a department
//   {CAMPAIGN} a campaign name      {PERIOD} 1-5月     {INT} a count  {AMOUNT} 亿元 figure  {PCT} a percentage
//   {CLAUSE} a background clause    {Y} the year       {Y2} the year + 2

/** Administrative level, also the character that titles are built from (区长, 副区长, 区委). */
export type Level = '市' | '区' | '县' | '镇' | '乡';

export interface Jurisdiction {
  /** ASCII slug used in file names, e.g. 'shili-qu'. */
  slug: string;
  /** Full name, e.g. 示例区. */
  name: string;
  level: Level;
  /** The jurisdiction above it, named in 传达学习 sentences. */
  parent: string;
  /** Publishers whose datelines open its bulletins (示例新闻网讯 …). */
  sources: readonly string[];
  /** Places inside it that leaders visit on 调研 trips. */
  localities: readonly string[];
  /**
   * Its leadership pool, seven people. Who holds which post in a year is a fixed function of the
   * year (officeHolder in src/corpus/roster.ts): each five-year term everyone moves one rung up
   * RUNGS, so a 区长 of one term is the 区委书记 of the next.
   */
  people: readonly string[];
  /** A year in which a five-year term starts; places are staggered so terms change in different years. */
  termStart: number;
  /** Relative share of the corpus. */
  weight: number;
}

export const JURISDICTIONS: readonly Jurisdiction[] = [
  {
    slug: 'xugou-shi', name: '虚构市', level: '市', parent: '示范省', termStart: 2006, weight: 1.0,
    sources: ['虚构新闻网', '虚构日报'],
    localities: ['虚构高新区', '样本港区', '原型产业园', '草稿新城'],
    people: ['林测甲', '王样乙', '陈示丙', '张虚丁', '欧阳假戊', '李例己', '黄拟庚'],
  },
  {
    slug: 'shili-qu', name: '示例区', level: '区', parent: '虚构市', termStart: 2007, weight: 1.3,
    sources: ['示例新闻网', '示例区融媒体中心'],
    localities: ['样本街道', '试点社区', '模板工业园', '草稿村'],
    people: ['刘测辛', '吴样壬', '赵示癸', '孙虚甲', '周假乙', '徐例丙', '胡拟丁'],
  },
  {
    slug: 'yangban-xian', name: '样板县', level: '县', parent: '虚构市', termStart: 2008, weight: 1.2,
    sources: ['样板县融媒体中心', '样板新闻网'],
    localities: ['样例村', '演练社区', '样板经济开发区', '原型茶园'],
    people: ['朱测戊', '高样己', '郭示庚', '何虚辛', '马假壬', '罗例癸', '梁拟甲'],
  },
  {
    slug: 'ceshi-zhen', name: '测试镇', level: '镇', parent: '样板县', termStart: 2009, weight: 0.6,
    sources: ['测试镇人民政府网', '样板新闻网'],
    localities: ['一号村', '二号村', '测试集镇', '试验农场'],
    people: ['宋测乙', '郑样丙', '谢示丁', '韩虚戊', '唐假己', '冯例庚', '董拟辛'],
  },
  {
    slug: 'jiashe-xiang', name: '假设乡', level: '乡', parent: '模拟县', termStart: 2010, weight: 0.5,
    sources: ['假设乡政务公开网', '模拟新闻网'],
    localities: ['甲组村', '乙组村', '假设茶场', '示意小学'],
    people: ['萧测壬', '程样癸', '曹示甲', '袁虚乙', '邓假丙', '许例丁', '傅拟戊'],
  },
  {
    slug: 'yanshi-qu', name: '演示区', level: '区', parent: '虚构市', termStart: 2006, weight: 1.1,
    sources: ['演示新闻网', '虚构日报'],
    localities: ['演示街道', '样品社区', '示范物流园', '模型村'],
    people: ['沈测己', '曾样庚', '彭示辛', '吕虚壬', '苏假癸', '卢例甲', '蒋拟乙'],
  },
  {
    slug: 'moni-xian', name: '模拟县', level: '县', parent: '虚构市', termStart: 2007, weight: 1.0,
    sources: ['模拟新闻网', '模拟县广播电视台'],
    localities: ['仿真村', '模拟工业园', '试运行社区', '样稿村'],
    people: ['蔡测丙', '贾样丁', '丁示戊', '魏虚己', '薛假庚', '叶例辛', '阎拟壬'],
  },
  {
    slug: 'zhanwei-qu', name: '占位区', level: '区', parent: '虚构市', termStart: 2008, weight: 0.9,
    sources: ['占位区融媒体中心', '虚构日报'],
    localities: ['占位街道', '空白社区', '预留产业园', '待定村'],
    people: ['司马测癸', '潘样甲', '杜示乙', '戴虚丙', '夏假丁', '钟例戊', '汪拟己'],
  },
];

/** Reporters (记者) and correspondents (通讯员) named in bylines. */
export const REPORTERS: readonly string[] = ['白稿一', '石稿二', '龙讯三', '江讯四', '方笔五', '田笔六', '任稿七', '姚讯八', '邱笔九', '秦稿十'];
export const CORRESPONDENTS: readonly string[] = ['陆文测', '孔文样', '毛文示', '邹文虚', '熊文假', '金文例'];

/** Rungs of the leadership ladder, bottom to top; index = rung. */
export const RUNGS = ['deputy', 'deputy', 'executive', 'head', 'secretary'] as const;
export type Rung = 0 | 1 | 2 | 3 | 4;

/**
 * Title chains written before a name on first mention, per rung; {L} is the level, {C} the
 * committee (区委, 镇党委). City-like levels (市区县) and towns (镇乡) differ.
 */
export const TITLES: Record<Rung, { city: readonly string[][]; town: readonly string[][] }> = {
  0: { city: [['副{L}长']], town: [['副{L}长']] },
  1: { city: [['副{L}长']], town: [['副{L}长'], ['{C}委员', '副{L}长']] },
  2: { city: [['常务副{L}长'], ['{C}常委', '常务副{L}长']], town: [['{C}委员', '副{L}长']] },
  3: {
    city: [['{L}长'], ['{C}副书记', '{L}长'], ['{L}政府党组书记', '{L}长'], ['{C}副书记', '{L}政府党组书记', '{L}长']],
    town: [['{L}长'], ['{C}副书记', '{L}长']],
  },
  4: { city: [['{C}书记'], ['{P}委书记']], town: [['{C}书记']] },
};

/** The one title used on later mentions (区长林测甲). */
export const SHORT_TITLES: Record<Rung, { city: string; town: string }> = {
  0: { city: '副{L}长', town: '副{L}长' },
  1: { city: '副{L}长', town: '副{L}长' },
  2: { city: '常务副{L}长', town: '副{L}长' },
  3: { city: '{L}长', town: '{L}长' },
  4: { city: '{C}书记', town: '{C}书记' },
};

/** A canonical meeting kind (the parser's names, Simplified). */
export interface MeetingKind {
  type: string;
  /** ASCII slug used in file names. */
  slug: string;
  /** Relative frequency as a bulletin's first meeting. */
  weight: number;
  /** Chance that its name carries 第N次. */
  numbered: number;
  /** Whether towns (镇, 乡) hold it. */
  town: boolean;
}

export const MEETING_KINDS: readonly MeetingKind[] = [
  { type: '常务会议', slug: 'changwu', weight: 30, numbered: 0.9, town: true },
  { type: '党组会议', slug: 'dangzu', weight: 9, numbered: 0.4, town: false },
  { type: '理论学习中心组学习会', slug: 'xuexi', weight: 7, numbered: 0.4, town: true },
  { type: '常委会会议', slug: 'changwei', weight: 9, numbered: 0.7, town: false },
  { type: '全体会议', slug: 'quanti', weight: 4, numbered: 0.8, town: false },
  { type: '工作会议', slug: 'gongzuo', weight: 10, numbered: 0, town: true },
  { type: '专题会议', slug: 'zhuanti', weight: 10, numbered: 0.1, town: true },
  { type: '领导小组会议', slug: 'lingdao', weight: 7, numbered: 0.4, town: true },
  { type: '联席会议', slug: 'lianxi', weight: 4, numbered: 0, town: true },
  { type: '调研', slug: 'diaoyan', weight: 8, numbered: 0, town: true },
];

/** Kinds held together as one meeting, joined with 暨 (first kind carries any number). */
export const JOINED_KINDS: readonly (readonly [string, string])[] = [
  ['党组会议', '理论学习中心组学习会'],
  ['常委会会议', '理论学习中心组学习会'],
  ['常务会议', '党组会议'],
  ['全体会议', '工作会议'],
];

/** Topics of work meetings, special meetings, visits and reports. */
export const WORK_TOPICS: readonly string[] = [
  '安全生产', '防汛防台风', '乡村振兴', '招商引资', '优化营商环境', '生态环境保护', '河湖长制', '文明城市创建',
  '森林防灭火', '耕地保护', '城乡建设', '民生实事', '信访维稳', '消防安全', '食品安全', '农村人居环境整治',
  '老旧小区改造', '重点项目建设', '稳增长', '人才', '数字经济发展', '城市管理', '征地拆迁', '义务教育',
  '医疗保障', '养老服务', '就业创业', '金融风险防范', '平安建设', '廉政',
];

/** Groups whose 领导小组会议 are held ({L}{group}领导小组). */
export const LEADING_GROUPS: readonly string[] = [
  '全面深化改革', '乡村振兴工作', '安全生产工作', '重点项目建设工作', '优化营商环境工作',
  '网络安全和信息化', '河湖长制工作', '人才工作', '文明城市创建工作', '防汛抗旱指挥部办公室',
];

/** Topics of 联席会议 ({L}{topic}工作联席会议). */
export const JOINT_TOPICS: readonly string[] = [
  '安全生产', '防范和处置非法集资', '根治欠薪', '河湖长制', '食品安全', '禁毒', '信访', '生态环境保护',
];

/** Departments that report to meetings ({L}{dept}). */
export const DEPARTMENTS: readonly string[] = [
  '发展和改革局', '财政局', '住房和城乡建设局', '农业农村局', '应急管理局', '生态环境局', '教育局',
  '卫生健康局', '市场监督管理局', '自然资源和规划局', '商务局', '民政局', '人力资源和社会保障局',
];

/** Campaigns named in 通报 sentences. */
export const CAMPAIGNS: readonly string[] = ['项目攻坚落实年', '营商环境提升年', '作风建设年', '招商引资突破年', '基层治理深化年'];

/** Places visited on 调研 ({SITE}). */
export const SITES: readonly string[] = [
  '项目建设现场', '便民服务中心', '农业产业基地', '企业生产车间', '防汛物资仓库', '污水处理厂', '养老服务中心', '安置房工地',
];

/** Whom 会议强调，X—— addresses. */
export const SUBJECTS: readonly string[] = [
  '各级各有关部门', '{L}政府系统各单位', '各有关单位', '全{L}上下', '各成员单位', '{L}直各部门',
];

/** Headings of directives: the verb phrase after 要 / 一要 / 一是. */
export const DIRECTIVE_HEADINGS: readonly string[] = [
  '坚持对外开放', '加强统筹协调', '加大推进力度', '加强沟通交流', '加快建设进度', '加强督查督办',
  '压实安全责任', '守牢安全底线', '优化营商环境', '强化要素保障', '抓好项目攻坚', '深化改革创新',
  '提升服务效能', '坚持人民至上', '狠抓工作落实', '强化风险防控', '推进乡村振兴', '做好民生保障',
  '加强生态保护', '强化作风建设', '坚持问题导向', '提高政治站位', '强化责任担当', '加强队伍建设',
  '注重宣传引导', '严格资金管理', '做好应急准备', '完善工作机制', '聚焦重点任务', '坚持稳中求进',
  '抓实招商引资', '加快产业转型', '强化科技支撑', '深化文明创建', '筑牢基层基础', '加强组织领导',
];

/** Clauses that make up a directive's body; none starts with 要 or holds 一要 / 一是 or 《》. */
export const DIRECTIVE_CLAUSES: readonly string[] = [
  '坚持一线工作法、项目工作法', '强化全流程、全要素管理', '统筹抓好经济指标、项目攻坚、征迁交地等工作',
  '突出问题导向', '强化分析研判', '推动土地、资金、人才等要素向项目集聚', '形成更多实物工作量',
  '抓住政策窗口期', '及时向上沟通汇报、向下传导压力', '全面展示工作成效', '倒排工期、挂图作战',
  '在确保质量和安全的前提下把工作往前做', '力争早日投产达效', '常态化开展督查考评', '健全完善定期通报机制',
  '进一步提振干事创业精气神', '形成比学赶超、争先进位的良好氛围', '牢固树立安全发展理念', '统筹发展和安全',
  '深入开展隐患排查整治', '坚决遏制重特大事故发生', '切实保障人民群众生命财产安全', '持续深化“放管服”改革',
  '推动更多事项一网通办', '积极帮助企业纾困解难', '着力稳定市场预期', '加快补齐民生短板', '办好群众身边的实事',
  '健全常态化帮扶机制', '守住不发生规模性返贫底线', '深入打好污染防治攻坚战', '持续改善生态环境质量',
  '严格落实属地管理责任', '压紧压实各方责任', '确保各项任务按时保质完成', '坚决防止形式主义、官僚主义',
  '以钉钉子精神抓好落实', '加强部门协同联动', '形成工作合力', '提前谋划一批带动力强的项目',
  '强化用地、资金、服务等要素保障', '加强资金使用监管', '提高财政资金使用效益', '完善应急预案',
  '做好物资储备和人员值守', '及时回应群众关切', '营造良好舆论氛围', '持续优化干部队伍结构',
  '激励干部担当作为', '把各项部署落到实处', '推动工作提质增效', '确保政治坚定、大局稳定、群众安定',
  '为{P}高质量发展奠定坚实基础', '为{P}经济社会发展提供有力保障', '努力在{TOPIC}工作上实现新突破',
];

/** Background clauses for padding sentences; same restrictions as DIRECTIVE_CLAUSES. */
export const BACKGROUND_CLAUSES: readonly string[] = [
  '全{L}上下齐心协力', '各项工作取得积极成效', '经济运行总体平稳、稳中有进', '重点项目建设加快推进',
  '民生保障持续改善', '生态环境质量稳步提升', '营商环境不断优化', '社会大局保持和谐稳定',
  '基层治理能力明显增强', '产业结构持续优化', '城乡面貌焕然一新', '群众获得感、幸福感不断增强',
  '改革创新活力进一步释放', '招商引资取得新进展', '防范化解重大风险成效明显', '干部作风持续好转',
];

/** Padding sentences inside a meeting report (a paragraph each). */
export const MEETING_PADDING: readonly string[] = [
  '会议传达学习了{PARENT}有关会议精神，研究我{L}贯彻落实意见。',
  '会议通报了“{CAMPAIGN}”专项行动{PERIOD}考评情况，部署我{L}下一阶段工作。',
  '会议听取了{L}{DEPT}关于{TOPIC}工作情况的汇报。',
  '会议分析了当前{TOPIC}工作形势，研究部署了下一阶段重点工作。',
  '会议指出，{CLAUSE}，{CLAUSE}，但也存在一些短板和不足。',
  '与会人员结合各自分管领域作了交流发言。',
  '据介绍，今年以来{P}共实施{TOPIC}项目{INT}个，完成投资{AMOUNT}亿元，同比增长{PCT}%。',
  '今年以来，{CLAUSE}，{CLAUSE}，{CLAUSE}。',
  '{PERIOD}，{P}地区生产总值完成{AMOUNT}亿元，同比增长{PCT}%，{CLAUSE}。',
  '会议认为，{CLAUSE}，{CLAUSE}，成绩来之不易。',
  '会议对{TOPIC}工作进行了再部署、再推进，并就有关事项作出安排。',
  '会议听取了各有关部门关于{TOPIC}工作进展情况的汇报，逐项研究解决存在的问题。',
  '{PERIOD}，{P}实现一般公共预算收入{AMOUNT}亿元，同比增长{PCT}%；规模以上工业增加值同比增长{PCT}%；固定资产投资同比增长{PCT}%。',
  '会议研究讨论了{TOPIC}、{TOPIC}等方面的重点工作，明确了责任单位和完成时限。',
  '从目前情况看，{CLAUSE}，{CLAUSE}，但当前仍面临不少困难和挑战。',
  '会议对下一阶段{TOPIC}工作进行了部署，明确了时间表和路线图。',
];

/** Padding sentences in a 调研 report. */
export const VISIT_PADDING: readonly string[] = [
  '在{LOC}，{NAME}实地查看了{SITE}，详细了解{TOPIC}工作推进情况。',
  '{NAME}一行先后来到{SITE}和{SITE}，边走边看、边听边问。',
  '据了解，{LOC}今年以来共完成投资{AMOUNT}亿元，带动就业{INT}人。',
  '调研中，{NAME}与基层干部群众深入交流，听取意见建议。',
  '{NAME}指出，{CLAUSE}，{CLAUSE}。',
  '在{SITE}，{NAME}仔细察看了现场情况，听取了{L}{DEPT}负责同志的汇报。',
  '{NAME}对{LOC}近年来的{TOPIC}工作给予充分肯定。',
];

/** Closing sentence of a meeting report. */
export const MEETING_CLOSINGS: readonly string[] = ['会议还研究了其他事项。', '会议还研究了其他有关事项。', '会议还审议了其他事项。'];

/** Document titles in 《》: policy documents and study materials. */
export const DOCUMENT_TEMPLATES: readonly string[] = [
  '{P}关于进一步做好{DTOPIC}工作的实施意见', '{P}关于加快推进{DTOPIC}的若干措施', '{P}{DTOPIC}工作方案',
  '{P}{DTOPIC}实施方案', '{P}{DTOPIC}管理办法（试行）', '{P}{DTOPIC}考核办法', '{P}{DTOPIC}三年行动方案（{Y}—{Y2}年）',
  '{P}{DTOPIC}专项资金管理办法', '{P}{DTOPIC}应急预案',
];
export const STUDY_TEMPLATES: readonly string[] = [
  '{P}党员干部学习读本（{Y}年版）', '{DTOPIC}知识问答', '{P}基层治理案例选编', '{PARENT}干部理论学习提纲',
];
export const DOCUMENT_TOPICS: readonly string[] = [
  '乡村振兴', '特色现代农业（产业）园区提升发展', '优化营商环境', '城市更新', '安全生产专项整治',
  '农村人居环境整治提升', '数字政府建设', '招商引资', '老旧小区改造', '生活垃圾分类', '养老服务体系建设',
  '义务教育优质均衡发展', '耕地保护', '河湖长制', '文明城市创建', '重点项目建设', '人才引进',
  '民营经济发展', '政府投资项目管理', '公共资源交易管理',
];

/** Sentences that introduce documents; {DOCS} is one or more 《titles》. */
export const DOCUMENT_SENTENCES: readonly string[] = [
  '会议审议并原则通过了{DOCS}。', '会议审议{DOCS}。', '会议研究了{DOCS}。', '会议听取了关于{DOCS}起草情况的说明。',
];
export const STUDY_SENTENCES: readonly string[] = ['会议集中学习研讨了{DOCS}。', '会议传达学习了{DOCS}。', '与会人员集中学习了{DOCS}。'];
