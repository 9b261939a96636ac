import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frenchTypography } from "../../src/render/typography.js";

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
