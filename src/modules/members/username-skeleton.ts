/**
 * Look-alike usernames (issue 7, finding 10): `аdmin` with a Cyrillic а, `suppоrt` with a
 * Cyrillic о, `pаypal` and `paypal` must count as the same name. Two strings that look alike
 * have the same *skeleton* (Unicode Technical Standard #39, §4 "Confusable Detection"):
 *
 *   skeleton(X) = NFD( prototypes of each code point of NFD(X), default-ignorables removed )
 *
 * The prototype table is Unicode's confusables.txt, as shipped by the `unhomoglyph` package
 * (nodeca; pure JavaScript, MIT; data 13.0.0; it maps each code point to its prototype in one
 * pass, exactly the "map" step). It is loaded on first use (a 100 KiB table compiled into one
 * expression, ~17 ms): start-up does not pay for it (docs/performance.md).
 *
 * A skeleton is for comparing, not for showing: `m` becomes `rn`, `I` becomes `l`.
 */
let prototypes: Promise<(text: string) => string> | undefined;
const loadPrototypes = () => {
  prototypes ??= import('unhomoglyph').then((module) => module.default);
  return prototypes;
};

export async function skeleton(text: string): Promise<string> {
  const map = await loadPrototypes();
  return map(text.normalize('NFD').replace(/\p{Default_Ignorable_Code_Point}/gu, '')).normalize('NFD');
}

/**
 * The key under which two usernames clash when they look alike. Usernames are shown as typed
 * but are one account whatever their case (username_key), so a name must not look like any
 * casing of another: `АDMIN` (Cyrillic А) looks like `ADMIN`, which is `admin`.
 *
 * 1. the skeleton of the name as typed: capitals meet their look-alikes (Greek `ΑDΜΙΝ` becomes
 *    `ADMlN`, as Latin `ADMIN` does: capital I looks like small l);
 * 2. lower-cased, and its skeleton again: small letters meet theirs (`adrnin` for `admin`);
 * 3. i and l are one letter: `ADMIN` gives `admln` but `admin` gives `admin`, and both are one
 *    account, so by transitivity every i must meet l (`bill` and `biii` clash; a small price).
 */
export async function usernameSkeleton(username: string): Promise<string> {
  return (await skeleton((await skeleton(username.normalize('NFKC'))).toLowerCase())).replaceAll('i', 'l');
}
