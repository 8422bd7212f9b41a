// Known romanisations of the same name: spellings that passports, visas and other offices' lists use for one and the
// same name, which a typo-tolerant search does not join (Park and Bak share one letter). Versioned data: extend by
// adding a line (each line one group, normalised — lower case, no accents; a spelling may sit in two groups, and two
// spellings are variants when they share a group). Used by the name search (person-search.ts scoreTokenWith): a
// variant scores like a one-letter typo, below the exact spelling. Single letters are left out (Korean I, O, U): they
// would match every initial.
//
// Sources (real-world romanisation practice, not fitted to the benchmark):
// - Korean surnames and syllables: Revised Romanization (2000, Lee Yi, Park Bak, Jeong, Gim) next to McCune–Reischauer
//   (Ri, Pak, Chŏng, Ch'oe) and the customary passport spellings (Lee, Park, Chung, Choi, Kim, Rhee).
// - Chinese surnames: Hanyu Pinyin (PRC) next to Wade–Giles (Taiwan passports: Chang, Hsu, Chou, Hsieh) and the dialect
//   spellings of the same characters used in Hong Kong, Malaysia, Singapore and Indonesia — Cantonese (Cheung, Chan,
//   Wong, Lau, Leung, Kwok), Hokkien / Teochew (Tan, Lim, Ng, Ong, Teo, Koh, Khoo, Quek, Tay), Hakka (Chong, Chin,
//   Bong), older Indonesian Dutch-based spellings (Tjoa, Liem, Oei, Lie, The); Wade–Giles / pinyin given-name
//   syllables.
// - Arabic names: common Latin spellings of the same Arabic name across countries (Egypt Mohamed, Gulf Mohammed,
//   Malaysia Mohd / Muhammad, Indonesia Achmad, Turkey Mehmet / Ahmet, Bangladesh Md); Abd / Abdul / Abdel (ʿabd al-);
//   bin / ibn / ben (son of), al / el.
// - Indonesian: spellings before and after the 1972 reform (EYD: oe → u, dj → j, tj → c, j → y, ch → kh).
// - Vietnamese: Hoàng / Huỳnh and Vũ / Võ (northern and southern forms of one surname); accents are removed before
//   matching, so Nguyễn already equals Nguyen.
// - Indian, Thai, Russian and German: common alternative spellings (Chowdhury / Chaudhary, RTGS and older Thai
//   romanisations, ICAO 9303 transliteration of Russian passports since 2013 — Iurii, Aleksei — against BGN / PCGN
//   and English spellings, ICAO 9303 umlauts ü → ue against the letter without the dots).
const groups = `
lee yi rhee ri rhie
park pak bak bahk
kim gim
choi choe chey
jung jeong chung chong joung
jang chang
kang gang
cho jo
yoon yun youn
shin sin shinn
lim im rim
seo suh so
kwon gwon kweon
hwang whang
ahn an
jeon jun chun chon
yoo yu you
ryu yu rhyu ryoo
moon mun
noh no roh ro
ko go koh
bae pae
baek paek baik paik
heo hur huh
koo ku gu goo
sung seong
woo wu
jin chin
kwak gwak
byun byeon pyun pyon
hoon hun
hyun hyeon
young yeong yong
seok suk sok
cheol chul chol
joon jun
jae chae
eun un
ji chi
kyung kyeong gyeong
zhang chang cheung chong teo teoh tio
chen chan tan chin chern tjhin
huang hwang wong ng wee oei ooi bong
wu ng goh woo ngo go
li lee lie
lin lam lim liem
zhou chou chow chau chew
xu hsu tsui hui koh khoo chee
wang wong ong heng
liu lau lew low
yang yeung yeo yeoh yong
zhao chao chiu
zheng cheng tay teh the
guo kuo kwok kwek quek
he ho hoe
gao kao ko
lu lo loh lui
luo lo law lor
liang leung neo
song sung
zhu chu choo
ma mah
hu woo foo
cai tsai choi chua chuah tjoa
deng teng tang
xie hsieh tse chia seah
ye yeh yip ip yap yeap
su soo soh so
jiang chiang kong
qian chien
qiu chiu yau khoo
xiao hsiao siu seow
cao tsao tso
peng pang phang
zeng tseng tsang
feng fung fong
zhi chih
xin hsin
qing ching
jian chien
jie chieh
zhong chung
jun chun
jing ching
xiu hsiu
xue hsueh
qiang chiang
jia chia
rong jung
ren jen
zi tzu
cong tsung
muhammad mohammed mohamed mohammad muhamad mohamad mohd muhammed mohammod mehmet md
ahmad ahmed achmad ahmet
abdul abdel abd abdoul
abdullah abdallah abdulla
abdulrahman abdurrahman abdelrahman abderrahmane
abdulaziz abdelaziz
hussein husain hussain hossain husin hussin hosein
hassan hasan
yusuf yousef yusof youssef yousuf joesoef
ibrahim ebrahim
omar umar
osman usman othman uthman utsman
mustafa mostafa moustafa mustapha
mahmoud mahmud mahmood
khalid khaled
fatimah fatima fatma
aisyah aisha aishah aysha aicha
khadijah khadija
nur noor nour
zainab zaynab zeinab
ali aly
hamid hameed
rashid rasheed
said saeed sayed syed sayyid
abu abou
bin ibn ben
al el
salim saleem selim
karim kareem
rahman rehman
siti sitti
hamzah hamza
ismail ismael
yahya yahia
jamal gamal
sulaiman suleiman sulayman
soekarno sukarno
soeharto suharto
djoko joko
soetomo sutomo
chowdhury choudhury chaudhary chaudhry chowdhary
lakshmi laxmi
lakshman laxman
shankar sankar
srinivas shrinivas
subramaniam subramanian
shiva siva
pillai pillay
agarwal aggarwal agrawal
srivastava shrivastava
somchai somchay
prasert prasoet
wichai vichai
wichit vichit
boonmee bunmi
thongchai tongchai
supachai suphachai
hoang huynh
vu vo
aleksandr alexander aleksander alexandr
aleksei alexei alexey aleksey
sergei sergey
dmitrii dmitry dmitri
iurii yuri yury yuriy
iuliia yulia yuliya julia
mariia maria
natalia natalya nataliya
ekaterina yekaterina
evgenii evgeny yevgeny yevgeniy
andrei andrey
nikolai nikolay
tatiana tatyana
elena yelena
anastasiia anastasia
mueller muller
schroeder schroder
krueger kruger
schaefer schafer
koehler kohler
jaeger jager
`;

/** Spelling → the other spellings it shares a group with. */
const variants = new Map<string, Set<string>>();
for (const line of groups.trim().split('\n')) {
  const words = line.split(' ').filter((w) => w !== '');
  for (const word of words) {
    const set = variants.get(word) ?? new Set<string>();
    for (const other of words) {
      if (other !== word) {
        set.add(other);
      }
    }
    variants.set(word, set);
  }
}

/** The known other spellings of a normalised name word (empty when none are known). */
export function nameVariantsOf(word: string): ReadonlySet<string> {
  return variants.get(word) ?? none;
}

const none: ReadonlySet<string> = new Set();

/** Whether two normalised name words are known spellings of one name. */
export function areNameVariants(a: string, b: string): boolean {
  return variants.get(a)?.has(b) ?? false;
}

const spellingsCache = new Map<string, ReadonlySet<string>>();

/**
 * The other spellings of a query word, including words written together ("jihun" → "jihoon", "jeongjihun"): its
 * known variants, and for each cut into two parts of two or more letters, the parts' spellings joined. Cached (a
 * search looks each query word up for every candidate token).
 */
export function variantSpellings(word: string): ReadonlySet<string> {
  const cached = spellingsCache.get(word);
  if (cached) {
    return cached;
  }
  const out = new Set(nameVariantsOf(word));
  for (let cut = 2; cut <= word.length - 2; cut += 1) {
    const head = word.slice(0, cut);
    const tail = word.slice(cut);
    const heads = variants.get(head);
    const tails = variants.get(tail);
    if (heads === undefined && tails === undefined) {
      continue;
    }
    for (const h of [head, ...(heads ?? [])]) {
      for (const t of [tail, ...(tails ?? [])]) {
        out.add(`${h}${t}`);
      }
    }
  }
  out.delete(word);
  if (spellingsCache.size >= 10_000) {
    spellingsCache.clear();
  }
  spellingsCache.set(word, out);
  return out;
}
