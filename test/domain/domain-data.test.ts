/**
 * The data files behind the timeline, the mission content, the gendered forms and the founding
 * paths: every fact sourced and dated, French typography, and each fact written once (where a
 * date also appears elsewhere as an entry's metadata, the two agree).
 */
import { describe, expect, it } from "vitest";
import aciJson from "../../src/domain/data/aci.json" with { type: "json" };
import foundingJson from "../../src/domain/data/founding.json" with { type: "json" };
import missionsJson from "../../src/domain/data/missions.json" with { type: "json" };
import professionsJson from "../../src/domain/data/professions.json" with { type: "json" };
import timelineJson from "../../src/domain/data/timeline.json" with { type: "json" };
import titlesJson from "../../src/domain/data/titles.json" with { type: "json" };
import { isValidIsoDate } from "../../src/domain/calendar.js";
import { DOCUMENT_IDS } from "../../src/domain/documents.js";
import { LEGAL_TEXTS, legalText, textInForce } from "../../src/domain/timeline.js";

const CONFIANCES = ["confirme", "source_unique", "incertain"];

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) allStrings(v, out);
  return out;
}

/** Every `source` field anywhere in a value, with where it was found. */
function sources(value: unknown, where = "", out: [string, unknown][] = []): [string, unknown][] {
  if (Array.isArray(value)) value.forEach((v, i) => sources(v, `${where}[${i}]`, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "source") out.push([`${where}.${k}`, v]);
      else sources(v, `${where}.${k}`, out);
    }
  }
  return out;
}

const newTexts = {
  timeline: timelineJson,
  founding: foundingJson,
  titles: titlesJson,
  composantes: missionsJson.missions.map((m) => [m.composantes, m.code === "CRISE" ? m.entree_en_vigueur_signalee : null]),
  professions: professionsJson.professions.map((p) => [p.libelle_ans, p.libelle_pluriel_feminin]),
  descriptions: [missionsJson.description_composantes, professionsJson.description_formes],
};

describe("new domain data", () => {
  it.each(Object.entries(newTexts))("%s uses French typography", (_, data) => {
    for (const text of allStrings(data)) {
      if (text.startsWith("http")) continue;
      expect(text, text).not.toMatch(/ [:;?!]/);
      expect(text, text).not.toMatch(/'/);
      expect(text, text).not.toMatch(/«(?!\u00a0)|(?<!\u00a0)»/);
      expect(text, text).not.toMatch(/\d \d{3}/);
      expect(text, text).not.toMatch(/n° /);
    }
  });

  it.each(Object.entries({ timeline: timelineJson, founding: foundingJson, composantes: newTexts.composantes }))(
    "%s gives every fact a source",
    (_, data) => {
      const found = sources(data);
      expect(found.length).toBeGreaterThan(5);
      for (const [where, s] of found) {
        const list = Array.isArray(s) ? s : [s];
        expect(list.length, where).toBeGreaterThan(0);
        for (const item of list) {
          expect(typeof item, where).toBe("string");
          if ((item as string).startsWith("http")) expect(() => new URL(item as string), where).not.toThrow();
        }
      }
    },
  );
});

describe("timeline.json", () => {
  it("dates every text with real dates or says it does not know", () => {
    for (const t of LEGAL_TEXTS) {
      for (const d of [t.date_signature, t.date_publication, t.date_vigueur ?? null]) {
        if (d !== null) expect(isValidIsoDate(d), `${t.code} ${d}`).toBe(true);
      }
      if (t.date_vigueur === null || t.date_vigueur === undefined) expect(t.note_dates.length, t.code).toBeGreaterThan(0);
      expect(t.designation, t.code).toMatch(/^(le |la |l’|les )/);
      expect(CONFIANCES, t.code).toContain(t.confiance);
      expect(t.changements.length, t.code).toBeGreaterThan(0);
    }
  });

  it("links each ACI version of aci.json to exactly one text, dated by aci.json alone", () => {
    for (const v of aciJson.versions) {
      const linked = LEGAL_TEXTS.filter((t) => t.version_aci === v.code);
      expect(linked.map((t) => t.code), v.code).toHaveLength(1);
      expect(linked[0]!.date_vigueur, v.code).toBeUndefined();
      expect(textInForce(linked[0]!.code).date_effet).toBe(v.valid_from);
    }
  });

  it("agrees with the dates other files carry as metadata", () => {
    expect(aciJson.regles_calendrier.find((r) => r.code === "VALIDATION_TACITE_PDS")!.valid_from).toBe(textInForce("LOI_2019_774").date_effet);
    const aciDates = new Set([textInForce("ACI_2019").date_effet, textInForce("AVENANT_2").date_effet]);
    for (const m of missionsJson.missions) expect(aciDates.has(m.valid_from), m.code).toBe(true);
    for (const e of aciJson.demarrage_lettre_intention) expect(e.valid_from).toBe(textInForce("AVENANT_2").date_effet);
  });

  it("refers only to known events, texts and documents", () => {
    const events = new Set(timelineJson.evenements.map((e) => e.code));
    for (const r of timelineJson.ordre) {
      expect(events.has(r.avant), r.avant).toBe(true);
      expect(events.has(r.apres), r.apres).toBe(true);
      expect(["erreur", "avertissement"]).toContain(r.severite);
    }
    for (const [doc, list] of Object.entries(timelineJson.textes_par_document.documents)) {
      expect(DOCUMENT_IDS as readonly string[], doc).toContain(doc);
      for (const e of list) expect(() => legalText(e.texte), e.texte).not.toThrow();
    }
    for (const r of foundingJson.regimes) for (const code of r.textes) expect(() => legalText(code), code).not.toThrow();
  });

  it("keeps its order rules acyclic", () => {
    const next = new Map<string, string[]>();
    for (const r of timelineJson.ordre) next.set(r.avant, [...(next.get(r.avant) ?? []), r.apres]);
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (n: string): void => {
      expect(visiting.has(n), `cycle through ${n}`).toBe(false);
      if (done.has(n)) return;
      visiting.add(n);
      for (const m of next.get(n) ?? []) visit(m);
      visiting.delete(n);
      done.add(n);
    };
    for (const n of next.keys()) visit(n);
  });
});

describe("mission components", () => {
  it("are coded uniquely, dated no earlier than their mission, and recognisable where a mission has several", () => {
    for (const m of missionsJson.missions) {
      const codes = m.composantes.map((c) => c.code);
      expect(new Set(codes).size, m.code).toBe(codes.length);
      const required = m.composantes.filter((c) => c.obligatoire);
      for (const c of m.composantes) {
        expect(isValidIsoDate(c.valid_from) && c.valid_from >= m.valid_from, `${m.code}/${c.code}`).toBe(true);
        expect(CONFIANCES).toContain(c.confiance);
        if (required.length > 1 && c.obligatoire) expect((c as { mots_cles?: string[] }).mots_cles?.length, `${m.code}/${c.code}`).toBeGreaterThan(0);
      }
    }
  });
});

describe("founding.json", () => {
  it("has the four paths, each document coded once with a known condition", () => {
    expect(foundingJson.parcours.map((p) => `${p.code}/${p.regime}`)).toEqual([
      "nouvelle/loi_1901",
      "existante/loi_1901",
      "nouvelle/droit_local",
      "existante/droit_local",
    ]);
    for (const p of foundingJson.parcours) {
      const codes = p.documents.map((d) => d.code);
      expect(new Set(codes).size, p.code).toBe(codes.length);
      for (const d of p.documents) expect(["toujours", "bureau_elu_par_conseil", "dirigeants_changent", "mandataire"]).toContain(d.si);
    }
  });
});
