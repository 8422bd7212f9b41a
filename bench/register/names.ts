// Generated foreign nationals for the register benchmark: names as their passports write them, by nationality, with
// the skewed frequencies real names have (a few very common names, a long tail), so a million persons share far
// fewer distinct names. Seeded: the same size and seed give the same persons. Western names come from the FEBRL
// originals in ../shared/data when that folder is there (real frequencies), else from the short lists below.
import { existsSync, readFileSync } from 'node:fs';

export type Rng = () => number;

/** mulberry32: small, fast, good enough for test data. */
export function rngOf(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from a list ranked by frequency: weight 1 / (rank + 1)^s (Zipf), the way names are distributed. */
export class Zipf {
  private readonly cumulative: Float64Array;
  constructor(
    readonly items: readonly string[],
    s = 1,
  ) {
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    for (let i = 0; i < items.length; i += 1) {
      total += 1 / (i + 1) ** s;
      this.cumulative[i] = total;
    }
    for (let i = 0; i < items.length; i += 1) {
      this.cumulative[i] = (this.cumulative[i] as number) / total;
    }
  }
  pick(rng: Rng): string {
    const x = rng();
    let lo = 0;
    let hi = this.items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return this.items[lo] as string;
  }
}

const words = (text: string) => text.trim().split(/\s+/);
const z = (text: string, s = 1) => new Zipf(words(text), s);
/** A list whose entries have spaces ("AL GHAMDI"), separated by bars. */
const zl = (text: string, s = 1) =>
  new Zipf(
    text.split('|').map((w) => w.trim().replace(/\s+/g, ' ')),
    s,
  );

// ─── Lists (most frequent first) ─────────────────────────────────────────────────────────────────────────────────

const chineseSurnames = z(
  `WANG LI ZHANG LIU CHEN YANG HUANG ZHAO WU ZHOU XU SUN MA ZHU HU GUO HE GAO LIN LUO ZHENG LIANG XIE SONG TANG XU
   HAN FENG DENG CAO PENG ZENG XIAO TIAN DONG YUAN PAN YU JIANG CAI YU DU YE CHENG SU WEI LU DING REN SHEN YAO LU
   JIANG CUI ZHONG TAN LU WANG FAN JIN SHI LIAO JIA XIA WEI FU FANG BAI ZOU MENG XIONG QIN QIU JIANG YIN XUE YAN
   DUAN LEI HOU LONG SHI TAO LI HE GU MAO HAO GONG SHAO WAN QIAN YAN QIN WU DAI MO KONG XIANG TANG`,
  0.9,
);
const pinyinGiven = z(
  `WEI JING LI MIN JUN YAN HUI LING YING HONG XIN JIE FANG NA TAO MING QIANG YONG JIAN PING JUAN XIA YU LEI GANG
   HAO BIN FENG BO CHAO YUN HUA LAN XIU ZHEN KAI PENG HUA LIN QING YI FEI WEN DONG HAI BING LONG GUANG JIA RUI
   XIAO SHAN ZHI QIAN HAN YUE YANG CHUN XUE MEI TING ZHONG SHENG LIANG KUN XIANG CHENG GUO JIN SONG WU DAN ZHUO
   RONG YUAN SHU TIAN HE AN BAO QI XUAN YAO RU SI LU HAN XU CAN ZE HAN MO LE JUE RAN HENG YONG QIU DI`,
  1.1,
);
const taiwanSurnames = z(
  `CHEN LIN HUANG CHANG LEE WANG WU LIU TSAI YANG HSU CHENG HSIEH HUNG KUO CHIU TSENG LIAO LAI CHOU YEH SU CHUANG
   LU CHIANG HO LO KAO CHIEN PENG YU`,
);
const wadeGiles = z(
  `CHIA CHIH HSIN MING WEI YU TING HAO CHUN YI HSUAN CHIEH JUNG CHENG PEI SHU HUI LING KUAN TZU YEN HUA WEN KAI
   CHING FANG MEI AN PO HSIANG`,
);
const cantoneseSurnames = z(
  `TAN LIM LEE NG ONG WONG GOH CHUA CHAN KOH TEO ANG YEO CHONG LOW SIM LOH CHEW TAY HO LAU KOK CHIA YAP SOH SEAH
   FOO LAI TOH`,
);
const cantoneseGiven = z(
  `WEI MING KOK CHEE KAH SIEW MEI HUI LING YONG BOON HOCK SENG KIM CHIN AH YEE LAY KENG SOON TECK KIAT JUN HAN
   CHUAN LIANG PEI SHAN WAI FOOK`,
);
const malayMale = z(
  `AHMAD HAFIZ AMIRUL FARID AZMAN FAIZAL HAKIM RIDZUAN SYAFIQ ZULKIFLI AIMAN HAZIQ IRFAN KHAIRUL NAZRI RAZAK SAIFUL
   SHAHRUL ADAM DANIAL FIRDAUS HARIS IKHWAN ISMAIL JAMAL KAMARUL LUQMAN NAJIB RASHID SALLEH TAUFIQ YUSOF ZAINAL ARIF
   AZRI FAHMI HAFIZUDDIN HISHAM IZZAT KHALID MUAZ NABIL RAHIM SHAFIQ SYAHMI WAFIQ ZAKARIA AFIQ ALIF ASYRAF`,
);
const malayFemale = z(
  `AISYAH FATIMAH AMIRAH NURUL SITI ZAHRA AINA ALIA BALQIS DAMIA FARAH HANIS IZZATI KHADIJAH MARYAM NADIA NORA
   QISTINA SAFIYA SYAFIQAH WARDAH YASMIN ZULAIKHA ADRIANA ATIQAH HUDA HUSNA INSYIRAH LIYANA MAISARAH NABILAH NAJWA
   SOFEA SUHAILA SYAZWANI ZAITON ZURAIDA AZLINA ROSNAH SALMAH`,
);
const malayFathers = z(
  `ABDULLAH AHMAD ISMAIL HASSAN IBRAHIM OTHMAN YUSOF OMAR ALI HUSSIN MOHAMED ABU BAKAR SALLEH RAHMAN ZAKARIA HAMID
   AZIZ RAZAK JAAFAR MAHMUD MANSOR SULAIMAN KASSIM HARUN IDRIS MUSA DAUD YAHYA ZAINAL ARIFFIN SAMAD HASHIM KAMARUDIN
   MOKHTAR NORDIN RAMLI SHAFIE TAHIR WAHAB`,
);
const muhammadForms = z('MUHAMMAD MOHD MOHAMAD MOHAMMAD MUHAMAD MOHAMED', 1.2);
const indianMale = z(
  `RAJESH SURESH RAMESH ANIL SUNIL VIJAY SANJAY ARUN AMIT RAHUL RAVI MANOJ DEEPAK ASHOK PRAKASH SANTOSH VINOD ARJUN
   KARTHIK SRINIVAS VENKATESH GANESH MAHESH NARESH DINESH SATISH RAJU KRISHNA MOHAN HARI GOPAL ANAND VIKRAM ROHIT
   NIKHIL PRAVEEN SACHIN KIRAN ABHISHEK GAURAV NAVEEN PANKAJ ALOK VIVEK AJAY RAKESH MUKESH YOGESH HEMANT SUMIT
   TARUN VARUN SIDDHARTH ADITYA ASHWIN BALAJI MURUGAN SELVAM SENTHIL KUMARAN`,
);
const indianFemale = z(
  `PRIYA LAKSHMI SUNITA ANITA KAVITA POOJA NEHA DEEPA REKHA GEETHA MEENA SHANTI RADHA LATA USHA ASHA JYOTI DIVYA
   SWATI ANJALI SNEHA RANI KAMALA PADMA SARASWATHI VIDYA NANDINI SHALINI ARCHANA BHAVANA`,
);
const indianSurnames = z(
  `KUMAR SINGH SHARMA PATEL REDDY NAIR IYER GUPTA RAO VERMA YADAV JAIN MEHTA SHAH PILLAI MENON DAS BOSE CHATTERJEE
   BANERJEE MUKHERJEE GHOSH JOSHI DESAI KULKARNI PANDEY MISHRA TIWARI DUBEY SRIVASTAVA AGARWAL BANSAL CHOPRA KAPOOR
   MALHOTRA KHANNA SAXENA SINHA NAIDU CHOUDHARY THAKUR RATHORE CHAUHAN BHATT TRIVEDI IYENGAR SUBRAMANIAM RAMAN
   KRISHNAN NATARAJAN VENKATARAMAN GOVINDARAJ SUNDARAM RAJAN`,
  0.9,
);
const muslimGiven = z(
  `MUHAMMAD AHMED ALI HASSAN HUSSAIN OMAR ABDULLAH IBRAHIM YOUSEF KHALID MAHMOUD MUSTAFA SAEED HAMZA BILAL TARIQ IMRAN
   FAISAL USMAN ZAID SALMAN WALEED NASSER FAHAD SULTAN ADEL KAREEM MAJID RASHID NABIL JAMAL SAMI AMIR HAMID RAFIQ
   SHAHID ASIF ARSHAD NADEEM IRFAN JAVED ZAHID AKRAM ABDUL RAHMAN`,
);
const muslimFemale = z(
  `FATIMA AISHA MARYAM KHADIJA ZAINAB AMINA HALIMA SAFIYA NOOR HANA LAYLA SARA YASMIN SALMA RUQAYYA SUMAYA FARAH
   NADIA HIBA RANIA`,
);
const arabFamilies = zl(
  `AL GHAMDI|AL QAHTANI|AL OTAIBI|AL HARBI|AL ZAHRANI|AL DOSARI|AL SHEHRI|AL MUTAIRI|AL ANAZI|AL SHAMMARI|HASSAN|
   MOHAMED|IBRAHIM|ABDELRAHMAN|MAHMOUD|SAYED|ELSAYED|MOSTAFA|ABDELAZIZ|SALEH|HUSSEIN|NASSER|AL AMRI|AL BALUSHI|
   HADDAD|KHOURY|NASSAR|SAADEH|AL HASHIMI|AL MANSOORI|AL KETBI|AL NUAIMI|BAWAZIR|BASALAMAH|ALATAS|ASSEGAF`,
);
const southAsianMuslimSurnames = z(
  `KHAN AHMED HOSSAIN RAHMAN ISLAM CHOWDHURY UDDIN MIAH ALAM SHEIKH QURESHI BUTT MALIK CHAUDHRY RAZA HAIDER IQBAL
   SIDDIQUI ANSARI MIRZA BHUIYAN SARKAR TALUKDER MOLLAH HAQUE KABIR AKTER BEGUM SULTANA`,
);
const koreanSurnames = z(
  `KIM LEE PARK CHOI JUNG KANG CHO YOON JANG LIM HAN OH SEO SHIN KWON HWANG AHN SONG YOO HONG JEON KO MOON YANG
   SON BAE BAEK HEO NAM SIM NOH HA KWAK SUNG CHA JOO WOO GU MIN RYU NA JIN JI EOM CHAE WON CHEON BANG`,
  1.1,
);
const koreanSyllables = z(
  `MIN JI SEO JUN HYUN YEON SU WOO JIN YOUNG HO EUN HEE SEUNG JAE SUNG DONG HYE JOO KYUNG YE HA SEON WON BIN TAE
   JONG CHAN GYU HOON SOO YUN IN MI JEONG HAE RIN A KYU IL DO HWAN SEOK CHEOL NA RA`,
  1.1,
);
const japaneseSurnames = z(
  `SATO SUZUKI TAKAHASHI TANAKA WATANABE ITO YAMAMOTO NAKAMURA KOBAYASHI KATO YOSHIDA YAMADA SASAKI YAMAGUCHI MATSUMOTO
   INOUE KIMURA HAYASHI SHIMIZU YAMAZAKI MORI ABE IKEDA HASHIMOTO YAMASHITA ISHIKAWA NAKAJIMA MAEDA FUJITA OGAWA
   GOTO OKADA HASEGAWA MURAKAMI KONDO ISHII SAITO SAKAMOTO ENDO AOKI FUJII NISHIMURA FUKUDA OTA MIURA FUJIWARA
   OKAMOTO MATSUDA NAKAGAWA NAKANO HARADA ONO TAMURA TAKEUCHI KANEKO WADA NAKAYAMA ISHIDA UEDA MORITA HARA SHIBATA
   SAKAI KUDO YOKOYAMA MIYAZAKI MIYAMOTO UCHIDA TAKAGI ANDO TANIGUCHI OHNO MARUYAMA IMAI TAKADA FUJIMOTO TAKEDA`,
  0.7,
);
const japaneseGiven = z(
  `HIROSHI TAKESHI KENJI YUKI AKIRA SATOSHI MAKOTO KAZUKI DAISUKE SHOTA RYOTA HARUTO SOTA YUTA KENTA TAKUYA NAOKI
   TOMOYA KOJI YOSHIO TAKASHI MASAHIRO HIDEKI YUSUKE KAITO REN YUI AOI HINA SAKURA YUKA MISAKI AYAKA NANAMI MAI
   HARUKA KEIKO YOKO TOMOKO AKIKO NAOMI EMI RIKA MEGUMI KAORI`,
);
const vietSurnames = z('NGUYEN TRAN LE PHAM HOANG HUYNH PHAN VU VO DANG BUI DO HO NGO DUONG LY DINH TRUONG', 1.4);
const vietMiddle = z('VAN THI DUC MINH NGOC THANH QUOC HUU XUAN KIM HONG ANH', 1.2);
const vietGiven = z(
  `ANH DUNG HUNG HAI LONG NAM TUAN MINH QUANG THANG SON PHONG TRUNG KHANH HIEU HOA LAN HUONG MAI LINH THAO TRANG
   NGA PHUONG HANH YEN THUY TAM BINH CUONG DAT HUY KIEN LAM LOC NGHIA PHUC QUAN TAI THINH TIEN TOAN VINH`,
);
const thaiGiven = z(
  `SOMCHAI SOMSAK SOMPONG SURIYA NIRAN PRASERT WICHAI CHAIYA ANAN KITTI NATTAPONG THANAKORN WORAWIT PORNTHEP
   SUDA MALEE SUNEE PORNPIMOL WANIDA KANYA NARUMON SIRIPORN ARUNEE CHANYA PIYAPORN RATTANA`,
);
const thaiPieces = words(
  `SRI SUK CHAI WONG SAWAT PHUM KIT TI RAT TANA PORN SAK SOM BOON MEE CHAROEN SIRI WAT NA THONG KAEW PRA SERT
   SUWAN NAK LERT WIT JAROEN RUNG ROJ ANAN THAM MA NUCH PAN YA`,
);
const spanishGiven = z(
  `MARIA JOSE JUAN ANA ROSA MARK JOHN MICHAEL JOSEPH ANGELO CRISTINA JENNIFER MARIE JOY GRACE MA LUZ CARLO PAOLO
   RAMON ROBERTO EDUARDO FERNANDO ANTONIO MANUEL RICARDO JOCELYN MARICEL RODEL ARNEL`,
);
const filipinoSurnames = zl(
  `SANTOS|REYES|CRUZ|BAUTISTA|OCAMPO|GARCIA|MENDOZA|TORRES|TOMAS|ANDRADA|CASTILLO|FLORES|VILLANUEVA|RAMOS|CASTRO|
   RIVERA|AQUINO|NAVARRO|SALAZAR|MERCADO|AGUILAR|DE LEON|DELA CRUZ|DEL ROSARIO|GONZALES|LOPEZ|PEREZ|DIAZ|MORALES|
   ROXAS|PASCUAL|MANALO|DIZON|GUTIERREZ`,
);
const russianMale = z(
  `ALEKSANDR SERGEI DMITRII ANDREI ALEKSEI MAKSIM EVGENII IVAN MIKHAIL ARTEM NIKOLAI VLADIMIR DENIS PAVEL ROMAN
   OLEG IGOR ANTON KONSTANTIN VIKTOR YURII`,
);
const russianFemale = z(
  `ELENA OLGA TATIANA NATALIA IRINA SVETLANA ANNA MARIIA EKATERINA ANASTASIIA IULIIA DARIA VIKTORIIA KSENIIA`,
);
const russianSurnames = z(
  `IVANOV SMIRNOV KUZNETSOV POPOV VASILEV PETROV SOKOLOV MIKHAILOV NOVIKOV FEDOROV MOROZOV VOLKOV ALEKSEEV LEBEDEV
   SEMENOV EGOROV PAVLOV KOZLOV STEPANOV NIKOLAEV ORLOV ANDREEV MAKAROV NIKITIN ZAKHAROV ZAITSEV SOLOVEV BORISOV
   IAKOVLEV GRIGOREV ROMANOV VOROBEV SERGEEV KUZMIN FROLOV ALEKSANDROV DMITRIEV KOROLEV GUSEV KISELEV`,
  0.8,
);
const westernGivenFallback = z(
  `JAMES JOHN ROBERT MICHAEL WILLIAM DAVID RICHARD JOSEPH THOMAS CHRISTOPHER DANIEL MATTHEW ANTHONY MARK PAUL STEVEN
   ANDREW JOSHUA KEVIN BRIAN GEORGE TIMOTHY JASON RYAN JACOB GARY NICHOLAS ERIC JONATHAN BENJAMIN SAMUEL LIAM NOAH
   OLIVER JACK HARRY MARY PATRICIA JENNIFER LINDA ELIZABETH BARBARA SUSAN JESSICA SARAH KAREN LISA NANCY BETTY
   MARGARET SANDRA ASHLEY EMILY DONNA MICHELLE CAROL AMANDA MELISSA DEBORAH STEPHANIE REBECCA SHARON LAURA OLIVIA
   CHARLOTTE AMELIA ISLA MIA GRACE CHLOE`,
);
const westernSurnameFallback = z(
  `SMITH JONES WILLIAMS BROWN TAYLOR WILSON JOHNSON WHITE MARTIN ANDERSON THOMPSON NGUYEN THOMAS WALKER HARRIS LEE
   RYAN ROBINSON KELLY KING DAVIS WRIGHT EVANS ROBERTS GREEN HALL WOOD JACKSON CLARKE PATEL KHAN LEWIS JAMES PHILLIPS
   MITCHELL CAMPBELL MILLER MURPHY YOUNG ALLEN MOORE SCOTT BAKER ADAMS HILL CLARK HUGHES EDWARDS TURNER COOPER`,
);
const germanGiven = z(
  `THOMAS MICHAEL ANDREAS STEFAN CHRISTIAN MARKUS FRANK KLAUS JUERGEN WOLFGANG PETER UWE JAN LUKAS FELIX MAXIMILIAN
   SABINE PETRA ANDREA MONIKA SUSANNE CLAUDIA ANNA LENA JULIA KATHARINA`,
);
const germanSurnames = z(
  `MUELLER SCHMIDT SCHNEIDER FISCHER WEBER MEYER WAGNER BECKER SCHULZ HOFFMANN SCHAEFER KOCH BAUER RICHTER KLEIN
   WOLF SCHROEDER NEUMANN SCHWARZ ZIMMERMANN BRAUN KRUEGER HOFMANN HARTMANN LANGE SCHMITT WERNER KRAUSE MEIER LEHMANN`,
);
const dutchSurnames = zl(
  `DE JONG|JANSEN|DE VRIES|VAN DEN BERG|VAN DIJK|BAKKER|JANSSEN|VISSER|SMIT|MEIJER|DE BOER|MULDER|DE GROOT|BOS|VOS|
   PETERS|HENDRIKS|VAN LEEUWEN|DEKKER|BROUWER|DE WIT|DIJKSTRA|SMITS|DE GRAAF|VAN DER MEER`,
);
const frenchGiven = z(
  'JEAN PIERRE MICHEL PHILIPPE ALAIN NICOLAS FRANCOIS JULIEN MARIE NATHALIE ISABELLE SYLVIE CATHERINE CAMILLE LEA',
);
const frenchSurnames = z(
  `MARTIN BERNARD DUBOIS THOMAS ROBERT RICHARD PETIT DURAND LEROY MOREAU SIMON LAURENT LEFEBVRE MICHEL GARCIA DAVID
   BERTRAND ROUX VINCENT FOURNIER MOREL GIRARD ANDRE LEFEVRE MERCIER DUPONT LAMBERT BONNET FRANCOIS MARTINEZ`,
);

/** FEBRL's original records (not the typo'd duplicates): Australian given names and surnames with their frequencies. */
function febrlNames(dataDir: string): { given: Zipf; surnames: Zipf } | null {
  const files = ['dataset2.csv', 'dataset3.csv', 'dataset4a.csv'].map((f) => `${dataDir}/febrl/${f}`);
  if (!files.every(existsSync)) {
    return null;
  }
  const given = new Map<string, number>();
  const surnames = new Map<string, number>();
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cells = line.split(',').map((c) => c.trim());
      if (!cells[0]?.endsWith('-org')) {
        continue;
      }
      const [g, s] = [cells[1] ?? '', cells[2] ?? ''];
      if (/^[a-z]{2,}$/.test(g)) {
        given.set(g, (given.get(g) ?? 0) + 1);
      }
      if (/^[a-z]{2,}$/.test(s)) {
        surnames.set(s, (surnames.get(s) ?? 0) + 1);
      }
    }
  }
  const ranked = (m: Map<string, number>) =>
    new Zipf(
      [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w.toUpperCase()),
      1,
    );
  return { given: ranked(given), surnames: ranked(surnames) };
}

// ─── Persons ─────────────────────────────────────────────────────────────────────────────────────────────────────

export type GeneratedName = { surname: string; givenNames: string; nationality: string };

type Maker = (rng: Rng) => { surname: string; givenNames: string };

const female = (rng: Rng) => rng() < 0.45;

function makers(western: { given: Zipf; surnames: Zipf }): Record<string, Maker> {
  const chinese: Maker = (rng) => {
    const given = rng() < 0.4 ? pinyinGiven.pick(rng) : `${pinyinGiven.pick(rng)}${pinyinGiven.pick(rng)}`;
    return { surname: chineseSurnames.pick(rng), givenNames: given };
  };
  const malay: Maker = (rng) => {
    if (female(rng)) {
      const lead = rng() < 0.5 ? `${rng() < 0.6 ? 'NUR' : 'SITI'} ` : '';
      return { surname: '', givenNames: `${lead}${malayFemale.pick(rng)} BINTI ${malayFathers.pick(rng)}` };
    }
    const lead = rng() < 0.55 ? `${muhammadForms.pick(rng)} ` : '';
    const second = rng() < 0.3 ? ` ${malayMale.pick(rng)}` : '';
    return { surname: '', givenNames: `${lead}${malayMale.pick(rng)}${second} BIN ${malayFathers.pick(rng)}` };
  };
  const malaysianChinese: Maker = (rng) => ({
    surname: cantoneseSurnames.pick(rng),
    givenNames: `${cantoneseGiven.pick(rng)} ${cantoneseGiven.pick(rng)}`,
  });
  const indian: Maker = (rng) => ({
    surname: indianSurnames.pick(rng),
    givenNames: female(rng)
      ? indianFemale.pick(rng)
      : rng() < 0.2
        ? `${indianMale.pick(rng)} ${indianMale.pick(rng)}`
        : indianMale.pick(rng),
  });
  const southAsianMuslim: Maker = (rng) => ({
    surname: southAsianMuslimSurnames.pick(rng),
    givenNames: female(rng)
      ? muslimFemale.pick(rng)
      : rng() < 0.5
        ? `MUHAMMAD ${muslimGiven.pick(rng)}`
        : muslimGiven.pick(rng),
  });
  const arab: Maker = (rng) => ({
    surname: arabFamilies.pick(rng),
    givenNames: `${female(rng) ? muslimFemale.pick(rng) : muslimGiven.pick(rng)} ${muslimGiven.pick(rng)}`,
  });
  const korean: Maker = (rng) => {
    const [a, b] = [koreanSyllables.pick(rng), koreanSyllables.pick(rng)];
    return { surname: koreanSurnames.pick(rng), givenNames: rng() < 0.25 ? `${a}-${b}` : `${a}${b}` };
  };
  const japanese: Maker = (rng) => ({ surname: japaneseSurnames.pick(rng), givenNames: japaneseGiven.pick(rng) });
  const taiwanese: Maker = (rng) => ({
    surname: taiwanSurnames.pick(rng),
    givenNames: `${wadeGiles.pick(rng)}-${wadeGiles.pick(rng)}`,
  });
  const vietnamese: Maker = (rng) => ({
    surname: vietSurnames.pick(rng),
    givenNames: `${vietMiddle.pick(rng)} ${vietGiven.pick(rng)}`,
  });
  const thai: Maker = (rng) => {
    const n = rng() < 0.6 ? 2 : 3;
    let surname = '';
    for (let i = 0; i < n; i += 1) {
      surname += thaiPieces[Math.floor(rng() * thaiPieces.length)];
    }
    return { surname, givenNames: thaiGiven.pick(rng) };
  };
  const filipino: Maker = (rng) => ({
    surname: filipinoSurnames.pick(rng),
    givenNames: rng() < 0.5 ? `${spanishGiven.pick(rng)} ${spanishGiven.pick(rng)}` : spanishGiven.pick(rng),
  });
  const russian: Maker = (rng) => {
    const surname = russianSurnames.pick(rng);
    return female(rng)
      ? { surname: `${surname}A`, givenNames: russianFemale.pick(rng) }
      : { surname, givenNames: russianMale.pick(rng) };
  };
  const westerner: Maker = (rng) => ({
    surname: western.surnames.pick(rng),
    givenNames: rng() < 0.15 ? `${western.given.pick(rng)} ${western.given.pick(rng)}` : western.given.pick(rng),
  });
  const american: Maker = (rng) => ({
    surname: westernSurnameFallback.pick(rng),
    givenNames: westernGivenFallback.pick(rng),
  });
  const german: Maker = (rng) => ({ surname: germanSurnames.pick(rng), givenNames: germanGiven.pick(rng) });
  const dutch: Maker = (rng) => ({ surname: dutchSurnames.pick(rng), givenNames: germanGiven.pick(rng) });
  const french: Maker = (rng) => ({ surname: frenchSurnames.pick(rng), givenNames: frenchGiven.pick(rng) });
  const malaysian: Maker = (rng) => {
    const x = rng();
    return x < 0.6 ? malay(rng) : x < 0.85 ? malaysianChinese(rng) : indian(rng);
  };
  return {
    CHN: chinese,
    TWN: taiwanese,
    MYS: malaysian,
    SGP: malaysianChinese,
    IND: indian,
    PAK: southAsianMuslim,
    BGD: southAsianMuslim,
    SAU: arab,
    EGY: arab,
    YEM: arab,
    KOR: korean,
    JPN: japanese,
    VNM: vietnamese,
    THA: thai,
    PHL: filipino,
    RUS: russian,
    AUS: westerner,
    GBR: westerner,
    USA: american,
    DEU: german,
    NLD: dutch,
    FRA: french,
  };
}

/** Shares of the foreigners in Indonesia by nationality (rounded from immigration statistics). */
const nationalityShares: [string, number][] = [
  ['CHN', 24],
  ['MYS', 11],
  ['KOR', 8],
  ['JPN', 7],
  ['IND', 7],
  ['AUS', 5],
  ['PHL', 4],
  ['TWN', 3],
  ['VNM', 3],
  ['USA', 3],
  ['GBR', 3],
  ['SGP', 2],
  ['PAK', 2],
  ['BGD', 2],
  ['THA', 2],
  ['RUS', 2],
  ['SAU', 2],
  ['EGY', 1],
  ['YEM', 1],
  ['DEU', 2],
  ['NLD', 2],
  ['FRA', 2],
];

export type NameGenerator = { next(): GeneratedName; westernSource: string };

export function nameGenerator(seed: number, sharedDataDir: string): NameGenerator {
  const rng = rngOf(seed);
  const febrl = febrlNames(sharedDataDir);
  const make = makers(febrl ?? { given: westernGivenFallback, surnames: westernSurnameFallback });
  const total = nationalityShares.reduce((s, [, w]) => s + w, 0);
  return {
    westernSource: febrl ? 'FEBRL originals' : 'built-in lists',
    next() {
      let x = rng() * total;
      let nationality = 'CHN';
      for (const [code, weight] of nationalityShares) {
        x -= weight;
        if (x < 0) {
          nationality = code;
          break;
        }
      }
      const maker = make[nationality] as Maker;
      return { ...maker(rng), nationality };
    },
  };
}
