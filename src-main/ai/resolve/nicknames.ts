/**
 * Common English nicknames and short forms, each mapped to one canonical given name, so that
 * "Bob" and "Robert" compare as the same name. Only forms that point at a single full name are
 * listed (e.g. "Chris" is left out: Christopher or Christine), because a wrong merge of two given
 * names costs more than a missed nickname, which the fuzzy comparators may still catch.
 */
const GROUPS: Record<string, string[]> = {
  robert: ['bob', 'bobby', 'rob', 'robbie', 'bert'],
  elizabeth: ['liz', 'lizzie', 'beth', 'betty', 'eliza', 'libby', 'elisabeth'],
  william: ['bill', 'billy', 'will', 'willy'],
  richard: ['rick', 'ricky', 'dick', 'rich', 'richie'],
  james: ['jim', 'jimmy', 'jamie'],
  john: ['jack', 'johnny', 'jon'],
  margaret: ['maggie', 'meg', 'peggy', 'marge', 'margie'],
  katherine: ['kate', 'katie', 'kathy', 'kath', 'catherine', 'kathryn', 'cathy', 'kat'],
  michael: ['mike', 'mick', 'mikey', 'mickey'],
  thomas: ['tom', 'tommy'],
  joseph: ['joe', 'joey'],
  charles: ['charlie', 'chuck', 'chas'],
  edward: ['ted', 'teddy', 'ned', 'eddie'],
  anthony: ['tony'],
  daniel: ['dan', 'danny'],
  matthew: ['matt'],
  benjamin: ['ben', 'benny'],
  samuel: ['sam', 'sammy'],
  nicholas: ['nick', 'nicky'],
  jonathan: ['jonny'],
  andrew: ['andy', 'drew'],
  david: ['dave', 'davey'],
  steven: ['steve', 'stephen', 'stevie'],
  timothy: ['tim', 'timmy'],
  patrick: ['pat', 'paddy'],
  peter: ['pete'],
  gregory: ['greg'],
  jeffrey: ['jeff', 'geoffrey', 'geoff'],
  kenneth: ['ken', 'kenny'],
  lawrence: ['larry', 'laurence'],
  raymond: ['ray'],
  ronald: ['ron', 'ronnie'],
  donald: ['don', 'donnie'],
  douglas: ['doug'],
  gerald: ['gerry', 'jerry'],
  harold: ['harry', 'hal'],
  henry: ['hank'],
  joshua: ['josh'],
  zachary: ['zach', 'zack'],
  jennifer: ['jen', 'jenny', 'jenn'],
  susan: ['sue', 'susie', 'suzanne'],
  deborah: ['deb', 'debbie', 'debra'],
  rebecca: ['becky', 'becca'],
  victoria: ['vicky', 'vicki', 'tori'],
  patricia: ['patty', 'trish', 'tricia'],
  barbara: ['barb', 'babs'],
  dorothy: ['dot', 'dottie'],
  abigail: ['abby', 'abbie'],
  samantha: ['sammie'],
  jessica: ['jess', 'jessie'],
  kimberly: ['kim', 'kimberley'],
  christina: ['tina'],
  alexandra: ['sasha'],
  frederick: ['fred', 'freddie', 'freddy'],
  albert: ['al', 'bertie'],
  isabella: ['izzy', 'bella', 'isabel', 'isabelle'],
  madeline: ['maddie', 'maddy', 'madeleine'],
  nathaniel: ['nate'],
  vincent: ['vince', 'vinny'],
  eugene: ['gene'],
  leonard: ['leo', 'len', 'lenny'],
};

const CANONICAL = new Map<string, string>();
for (const [name, nicknames] of Object.entries(GROUPS)) for (const n of nicknames) CANONICAL.set(n, name);

/** The canonical given name for a normalized (lower-case, plain letters) given name. */
export function canonicalGivenName(name: string): string {
  return CANONICAL.get(name) ?? name;
}
