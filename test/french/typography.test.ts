import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frenchSpacing, frenchTypography, typographicApostrophes } from "../../src/french/index.js";

const NNBSP = "\u202F";
const NBSP = "\u00A0";

describe("French typography", () => {
  it("puts a narrow no-break space before ; ! ? and a no-break space before :", () => {
    expect(frenchTypography("Objectifs: accès aux soins; prévention!")).toBe(
      `Objectifs${NBSP}: accès aux soins${NNBSP}; prévention${NNBSP}!`,
    );
    expect(frenchTypography("Vraiment ?")).toBe(`Vraiment${NNBSP}?`);
  });

  it("puts narrow no-break spaces inside « »", () => {
    expect(frenchTypography("il dit « bonjour »")).toBe(`il dit «${NNBSP}bonjour${NNBSP}»`);
    expect(frenchTypography("il dit «bonjour»")).toBe(`il dit «${NNBSP}bonjour${NNBSP}»`);
  });

  it("turns a straight apostrophe between letters into a typographic one", () => {
    expect(frenchTypography("l'accès aujourd'hui")).toBe("l’accès aujourd’hui");
    expect(frenchTypography("'cité'")).toBe("'cité'");
  });

  it("leaves times, web addresses and already-correct spaces alone", () => {
    expect(frenchTypography("à 10:30")).toBe("à 10:30");
    expect(frenchTypography("voir https://www.ameli.fr/a?b=1;c=2!")).toBe(`voir https://www.ameli.fr/a?b=1;c=2${NNBSP}!`);
    expect(frenchTypography("écrire à mailto:contact@cpts.fr")).toBe("écrire à mailto:contact@cpts.fr");
    expect(frenchTypography(`Objet${NBSP}: test`)).toBe(`Objet${NBSP}: test`);
    expect(frenchTypography(`«${NBSP}cité${NBSP}»`)).toBe(`«${NBSP}cité${NBSP}»`);
  });

  it("does not put a space between doubled marks or at the start of a line", () => {
    expect(frenchTypography("Quoi?!")).toBe(`Quoi${NNBSP}?!`);
    expect(frenchTypography("! au début")).toBe("! au début");
    expect(frenchTypography("(?)")).toBe("(?)");
  });

  it("uses the character before the run, for a mark right after bold text", () => {
    expect(frenchTypography("!", "n")).toBe(`${NNBSP}!`);
    expect(frenchTypography(" : suite", "n")).toBe(`${NBSP}: suite`);
    expect(frenchTypography("!", undefined)).toBe("!");
  });

  it("is idempotent", () => {
    const text = fc.stringMatching(/^[a-zé :;!?«»'0-9/.\n-]{0,40}$/);
    fc.assert(
      fc.property(text, (s) => {
        const once = frenchTypography(s);
        expect(frenchTypography(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
    const url = "https://www.ameli.fr/x?y=1 : « lien »";
    expect(frenchTypography(frenchTypography(url))).toBe(frenchTypography(url));
  });
});

describe("French spacing for the terminal", () => {
  it("puts a no-break space before : ; ? ! where a space is written, and inside « »", () => {
    expect(frenchSpacing("Attention : « X » ; vraiment ? Oui !")).toBe(
      `Attention${NBSP}: «${NBSP}X${NBSP}»${NBSP}; vraiment${NBSP}? Oui${NBSP}!`,
    );
    expect(frenchSpacing("il dit «bonjour»")).toBe(`il dit «${NBSP}bonjour${NBSP}»`);
    expect(frenchSpacing(`Continuer ${NNBSP}?`)).toBe(`Continuer${NBSP}?`);
  });

  it("leaves paths, times and addresses alone", () => {
    expect(frenchSpacing("cpts.yaml:42:9 territoire.nom : manquant")).toBe(`cpts.yaml:42:9 territoire.nom${NBSP}: manquant`);
    expect(frenchSpacing("à 10:30")).toBe("à 10:30");
    expect(frenchSpacing("Voir https://www.insee.fr/x?sommaire=1")).toBe("Voir https://www.insee.fr/x?sommaire=1");
    expect(frenchSpacing("« :x »")).toBe(`«${NBSP}:x${NBSP}»`);
  });

  it("keeps a mark followed by a colour code or a closing parenthesis", () => {
    expect(frenchSpacing("Prêt ?\u001b[22m")).toBe(`Prêt${NBSP}?\u001b[22m`);
    expect(frenchSpacing("(vraiment ?)")).toBe(`(vraiment${NBSP}?)`);
  });

  it("is idempotent", () => {
    const text = fc.stringMatching(/^[a-zé :;!?«»\u00a0\u202f0-9/.\n-]{0,40}$/);
    fc.assert(
      fc.property(text, (s) => {
        const once = frenchSpacing(s);
        expect(frenchSpacing(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe("typographic apostrophes", () => {
  it("turns a straight apostrophe between letters into ’ and leaves the others", () => {
    expect(typographicApostrophes("l'ARS d'Île-de-France")).toBe("l’ARS d’Île-de-France");
    expect(typographicApostrophes("'cité' 24'")).toBe("'cité' 24'");
  });
});
