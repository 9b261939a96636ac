import { describe, expect, it } from "vitest";
import { formatNumber, joinFr } from "../../src/french/index.js";
import { messageText, nameKey } from "../../src/territory/text.js";

describe("nameKey", () => {
  it.each([
    ["Saint-Laurent-des-Vignes", "saint laurent des vignes"],
    ["ST LAURENT DES VIGNES", "saint laurent des vignes"],
    ["St-Laurent (24)", "saint laurent 24"],
    ["Ste-Anne", "sainte anne"],
    ["Périgueux", "perigueux"],
    ["PÉRIGUEUX", "perigueux"],
    ["Œuilly", "oeuilly"],
    ["Lœuilly", "loeuilly"],
    ["Côte-d'Or", "cote d or"],
    ["Côte-d’Or", "cote d or"],
    ["L'Haÿ-les-Roses", "l hay les roses"],
    ["  Paris 11e   Arrondissement ", "paris 11e arrondissement"],
    ["Bâgé-Dommartin", "bage dommartin"],
    ["Straße", "strasse"],
    ["Stenay", "stenay"],
    ["-- !", ""],
    ["", ""],
  ])("%s → %s", (name, key) => {
    expect(nameKey(name)).toBe(key);
  });
});

describe("French typography of messages", () => {
  it("puts no-break spaces where French wants them and keeps URLs", () => {
    expect(messageText("Attention : « X » ; vraiment ? Oui !")).toBe("Attention\u00a0: «\u00a0X\u00a0»\u00a0; vraiment\u00a0? Oui\u00a0!");
    expect(messageText("Voir https://www.insee.fr/fr/statistiques/8680726?sommaire=8681011")).toBe(
      "Voir https://www.insee.fr/fr/statistiques/8680726?sommaire=8681011",
    );
    expect(messageText("l'ARS")).toBe("l’ARS");
  });

  it("formats numbers and lists", () => {
    expect(formatNumber(64455, 0)).toBe("64\u202f455");
    expect(joinFr(["a", "b", "c"])).toBe("a, b et c");
    expect(joinFr(["a", "b"], "ou")).toBe("a ou b");
  });
});
