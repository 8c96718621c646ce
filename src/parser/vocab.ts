// Vocabularies the extraction steps match against, written once, in Simplified characters.
// The steps match on the Simplified form of the text (script.ts), so Traditional needs no copy.

/** Chinese numerals, including 〇, 两 and the tens forms 廿 (20) and 卅 (30). */
const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 廿: 20, 卅: 30, 百: 100, 千: 1000 };

/** A character class matching one Chinese numeral character. */
export const NUMERAL_CHARS = '〇零一二两三四五六七八九十廿卅百千';

/**
 * The value of a number written in Arabic digits or Chinese numerals (十七 → 17, 廿一 → 21,
 * 二〇二二 → 2022, 一百零三 → 103), or null when it is not a number.
 */
export function parseNumber(written: string): number | null {
  if (/^\d+$/.test(written)) return Number(written);
  if (written.length === 0) return null;
  // Digit by digit, as years are written: 二〇二二.
  if ([...written].every((c) => c in DIGITS) && written.length > 1) {
    return Number([...written].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let pending = 0;
  for (const c of written) {
    if (c in DIGITS) pending = DIGITS[c]!;
    else if (c in UNITS) {
      const unit = UNITS[c]!;
      // 廿 and 卅 are twenty and thirty by themselves: 廿一 → 21.
      total += unit === 20 || unit === 30 ? unit : (pending || 1) * unit;
      pending = 0;
    } else return null;
  }
  return total + pending;
}

/**
 * Official titles, longest first within related groups. A title as written is an optional
 * organisation prefix (区政府党组, 市公安局) followed by one of these (书记, 局长).
 */
export const TITLE_SUFFIXES = [
  '总书记', '党组书记', '党委书记', '工委书记', '副书记', '书记',
  '常务副市长', '常务副区长', '常务副县长', '副市长', '市长', '副区长', '区长', '副县长', '县长',
  '副镇长', '镇长', '副乡长', '乡长', '副省长', '省长', '副州长', '州长', '副旗长', '旗长',
  '副主任', '主任', '副主席', '主席', '副部长', '部长', '副局长', '局长', '副厅长', '厅长',
  '副处长', '处长', '副科长', '科长', '副秘书长', '秘书长', '副院长', '院长', '副检察长', '检察长',
  '副总理', '总理', '副理事长', '理事长', '副会长', '会长', '副主委', '主委',
  '党委委员', '党组成员', '委员', '常委', '政委', '副政委', '支队长', '副支队长', '大队长', '队长',
  '董事长', '总经理', '副总经理', '总裁', '组长', '副组长', '指挥长', '副指挥长', '站长', '所长',
  '二级巡视员', '一级巡视员', '巡视员', '调研员', '督察长', '司令员', '主任委员',
  // Hong Kong and Taiwan: 政务司司长, 民政事务局局长, 议长
  '副司长', '司长', '副议长', '议长', '署长', '副署长', '行政长官',
  // 县政协副县级干部李信兴
  '级干部', '副教授', '教授', '研究员',
] as const;

/** Characters an organisation prefix of a title may hold (区政府党组书记: 区政府党组). */
export const ORG_PREFIX_CHARS = String.raw`[\p{Script=Han}A-Za-z0-9（）]`;

/**
 * Words that follow a person's name and so end it: 廖海军主持, 吴锦出席, 邱木兴先后. Used to choose
 * between a two- and a three-character name.
 */
export const AFTER_NAME_WORDS = [
  '主持', '出席', '参加', '列席', '陪同', '先后', '深入', '代表', '强调', '指出', '表示', '说', '讲话',
  '致辞', '宣布', '会见', '会谈', '视察', '调研', '督导', '检查', '在', '等', '和', '与', '及', '同志',
  '一行', '作', '对', '向', '带队', '率队', '率', '就', '提出', '要求', '听取', '召开', '到', '赴', '前往',
  '会同', '为', '也', '还', '分别', '共同', '的', '实地', '来到', '走访', '看望', '慰问', '参观', '观看',
  '认为', '希望', '充分', '总结', '部署', '传达', '通报', '带领', '围绕', '了', '是', '亲切', '详细',
  '则', '并', '即', '关于', '汇报', '通报', '就', '透露', '介绍', '称', '指导', '现场', '专程', '应邀', '主动', '首先', '随后', '当天', '今天', '昨天', '均', '以', '从', '被', '把', '将', '再', '又', '都', '所', '于', '给', '同', '跟',
  '委托', '宣读', '今（', '讲', '会面', '会见', '见面', '亲自', '带', '做', '讲了', '进行', '领学', '督查', '察看', '查看', '检查', '曾', '今日', '首度', '发表', '一同', '两位', '三位', '等',
] as const;

/** Common surnames, compound ones first so 欧阳 wins over 欧. */
export const SURNAMES = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙', '宇文', '司徒', '端木',
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由习萧傅阎占代问凡揭丘巢庹逄蒯佴郗',
] as const;

/** A meeting kind: how it is recognised in a meeting's name, and its canonical name. */
export interface MeetingKind {
  type: string;
  pattern: RegExp;
}

// Matched against the end of a meeting's name with counts (第17次, 九届二十四次), asides（扩大）and
// quotes「」removed (党组（扩大）会议 → 党组会议); the first that matches gives the kind.
export const MEETING_KINDS: MeetingKind[] = [
  // 区政府党组理论学习中心组学习会, …中心组（扩大）学习会议, 区委理论学习中心组第二次（扩大）学习
  { type: '理论学习中心组学习会', pattern: /中心组[^会]{0,8}?学习(?:会议?|研讨会)?$/ },
  // 区政府今年第17次常务会议
  { type: '常务会议', pattern: /常务(?:会议|会)$/ },
  // 县人大常委会第二次主任会议
  { type: '主任会议', pattern: /主任会议$/ },
  // 县政协九届二十四次主席会议
  { type: '主席会议', pattern: /主席会议$/ },
  // 县十五届人大三次会议大会主席团第二次会议
  { type: '主席团会议', pattern: /主席团(?:会议)?$/ },
  // 区委常委会会议, 常委会第十次会议, 县政协十一届九次常委会, 区委八届常务委员会第119次会议
  { type: '常委会会议', pattern: /常委会(?:会议)?$|常委(?:扩大)?会议?$|常务委员会(?:会议)?$/ },
  // 开发区2021年第五次党工委（扩大）会议
  { type: '党工委会议', pattern: /党工委(?:会议|会)$/ },
  // 区政府党组（扩大）会议
  { type: '党组会议', pattern: /党组(?:会议|会)$|党委(?:会议|会)$/ },
  // 全体（扩大）会议, 全会
  { type: '全体会议', pattern: /全体会议$|全会$/ },
  // 第36次县长办公会议
  { type: '办公会议', pattern: /办公(?:会议|会)$/ },
  // 县政协十一届一次会议举行预备会议
  { type: '预备会议', pattern: /预备(?:会议|会)$/ },
  // 代表团召集人会议
  { type: '召集人会议', pattern: /召集人(?:会议|会)$/ },
  // 十八届人民代表大会第五次会议, 第十九届第一次人民代表大会
  { type: '人民代表大会', pattern: /人民代表大会(?:会议)?$/ },
  // 防汛工作领导小组会议
  { type: '领导小组会议', pattern: /领导小组.*会议$/ },
  // 联席会议
  { type: '联席会议', pattern: /联席会议$/ },
  // 全区领导干部电视电话会议
  { type: '电视电话会议', pattern: /电视电话会议$/ },
  // 学习贯彻县十七届人大一次会议和县政协十二届一次会议精神会议
  { type: '传达学习', pattern: /精神(?:会议|会)$|^(?:传达|学习|贯彻)[^会]*(?:会议|会)$/ },
  // …工作动员部署会议, 动员大会
  { type: '动员会', pattern: /动员(?:部署)?(?:大会|会议|会)$/ },
  // 村级建制村民大会工作部署会
  { type: '部署会', pattern: /部署(?:会议|会)$/ },
  // 村“两委”换届工作推进会
  { type: '推进会', pattern: /推进(?:会议|会)$/ },
  // 重点工作和民生实事专题调度会议
  { type: '调度会', pattern: /调度(?:会议|会)$/ },
  // 专题会议, 采编工作专题会
  { type: '专题会议', pattern: /专题(?:会议|会|研究会)$/ },
  // 座谈会
  { type: '座谈会', pattern: /座谈(?:会议|会)$/ },
  // 全镇镇村干部警示教育大会
  { type: '警示教育大会', pattern: /警示教育(?:大会|会议|会)$/ },
  // 第2屆成立大會
  { type: '成立大会', pattern: /成立(?:大会|会议)$/ },
  // 市政會議 (Taipei's weekly city-government meeting)
  { type: '市政会议', pattern: /^市政会议$/ },
  // 「地區治理專組」第二次會議
  { type: '专组会议', pattern: /专组(?:会议|会)$/ },
  // 民政事務局與十八區區議會正、副主席的例會
  { type: '例会', pattern: /例会$/ },
  // 全区经济工作会议
  { type: '工作会议', pattern: /工作(?:会议|会)$/ },
];

/** Kinds of event that have no meeting's name: a visit, an inspection, a review by a delegation. */
export const EVENT_KINDS = {
  visit: '调研',
  tour: '视察',
  study: '考察',
  inspection: '督导检查',
  meet: '会面',
  condolence: '看望慰问',
  review: '代表团审议',
  relay: '传达学习',
} as const;

/** Reporter roles as written in bylines (Simplified). */
export const REPORTER_ROLES = ['全媒体记者', '融媒体记者', '特约记者', '见习记者', '实习记者', '记者', '通讯员', '供稿', '撰稿人', '撰稿', '图文', '文章作者', '作者'] as const;

/** Roles in a byline that are not the reporters': editors, reviewers, reposters (Simplified). */
export const EDITOR_ROLES = ['责任编辑', '编辑', '审核人', '审核', '编审', '审稿人', '审稿', '校对', '转载', '来源', '监制', '签发', '摄影', '图'] as const;
