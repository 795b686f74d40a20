// CJK radicals in a PDF's text layer, read back as the ideographs they look like. CJK fonts
// such as Noto Sans CJK draw 青 and the radical ⻘ (U+2ED8) with one glyph, and a PDF writer that
// maps glyphs back to characters (Chromium's, for one) may name the radical: the page shows
// 青岛 but its text says ⻘岛, and no name would match. Kangxi radicals (U+2F00–U+2FD5) have
// compatibility decompositions, so NFKC gives their ideograph; the CJK Radicals Supplement
// (U+2E80–U+2EF3) mostly has none, hence the table (the pairs whose glyphs Noto Sans and Serif
// CJK share, which agree with Unicode's EquivalentUnifiedIdeograph.txt). One Kangxi radical is in
// the table too: ⼾ decomposes to the traditional 戶, but a simplified Chinese font draws it as 户.

const RADICAL_PAIRS =
  '⺂乛⺃乚⺅亻⺇𠘨⺉刂⺋㔾⺍𭕄⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫' +
  '⺦丬⺨犭⺩𤣩⺫罒⺭礻⺮𥫗⺯糹⺰纟⺱罓⺲罒⺳㓁⺹耂⺺肀⺽𦥑⺾艹⺿艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇𧢲⻈讠' +
  '⻉贝⻊𧾷⻋车⻌辶⻍辶⻎辶⻐钅⻑長⻒镸⻓长⻔门⻕𨸏⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻞𩙿⻟飠⻠饣⻡𩠐⻢马' +
  '⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟' +
  '⼾户';

let radicals: Map<string, string> | undefined;

function radicalMap(): Map<string, string> {
  if (!radicals) {
    const chars = Array.from(RADICAL_PAIRS);
    radicals = new Map();
    for (let i = 0; i + 1 < chars.length; i += 2) radicals.set(chars[i]!, chars[i + 1]!);
  }
  return radicals;
}

/** The text with every CJK radical replaced by the ideograph it is drawn as. */
export function unifyRadicals(text: string): string {
  return text.replace(
    /[\u2e80-\u2eff\u2f00-\u2fdf]/g,
    (radical) => radicalMap().get(radical) ?? radical.normalize('NFKC'),
  );
}
