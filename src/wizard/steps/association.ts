/**
 * Step 7: the association that carries the CPTS — statuts, the assembly that adopts them (the
 * constitutive assembly of a new association, or the extraordinary assembly of an existing one),
 * the meeting of the conseil that elects the bureau, the votes of each, and the dirigeants.
 * Governance presets fill many answers at once. When the siège is in Moselle, Bas-Rhin or
 * Haut-Rhin, the droit local applies: the step says so and asks what it needs.
 */
import { NBSP } from "../../french/index.js";
import {
  fonctionLabel,
  genreOf,
  isDroitLocal,
  minimumFounders,
  minimumSignatories,
  notNeededReason,
  projectParcours,
  siegeDepartement,
  statutsInForceBefore,
} from "../../domain/index.js";
import type { Project } from "../../project/index.js";
import type { FieldSpec, ItemSpec } from "../ask.js";
import type { WizardContext } from "../context.js";
import { valueLabel } from "../labels.js";
import { GOVERNANCE_PRESETS, presetChanges, presetColleges, presetConflicts } from "../presets.js";
import { fieldsSection, listSection, type Section, type StepDefinition } from "../step.js";
import { parseTime, personLabel, personName, text, titleField } from "./common.js";
import { votesSection } from "./votes.js";

const DEPARTEMENTS: Record<string, string> = { "57": "Moselle", "67": "Bas-Rhin", "68": "Haut-Rhin" };
const DROIT_LOCAL_MIN_FOUNDERS = minimumFounders("droit_local");
const MIN_DIRIGEANTS = minimumSignatories("loi_1901");

export function droitLocalNotice(project: Project): string | undefined {
  if (!isDroitLocal(project)) return undefined;
  const dep = siegeDepartement(project)!;
  return (
    `Siège en ${DEPARTEMENTS[dep]} (${dep})${NBSP}: le droit local d’Alsace-Moselle s’applique. Les statuts suivent le code civil local ` +
    `(inscription au registre des associations du tribunal judiciaire) ; il faut ${DROIT_LOCAL_MIN_FOUNDERS} membres fondateurs au moins, ` +
    "et la date et le lieu de naissance des dirigeants sont demandés."
  );
}

const droitLocal = (project: Project) => isDroitLocal(project);
const existing = (project: Project) => projectParcours(project) === "existante";

/** The chair and secretary of a session are persons of the lists: founders, dirigeants, porteurs. */
function sessionChoices(project: Project): string[] {
  const a = project.association ?? {};
  const names = [...(a.dirigeants ?? []), ...(a.fondateurs ?? []), ...(project.porteurs ?? [])]
    .filter((p) => p.prenom && p.nom)
    .map((p) => `${p.prenom} ${p.nom}`);
  return [...new Set(names)];
}

const birth: FieldSpec[] = [
  { path: "date_naissance", when: droitLocal, hint: "Demandée en Alsace-Moselle par le tribunal judiciaire." },
  { path: "lieu_naissance", when: droitLocal, hint: "Demandé en Alsace-Moselle par le tribunal judiciaire." },
];

const address: FieldSpec[] = [
  "profession",
  { path: "adresse", hint: "Adresse personnelle (demandée pour la liste des dirigeants)." },
  "code_postal",
  "commune",
  { path: "nationalite", suggest: "française" },
].map((f) => (typeof f === "string" ? { path: f } : f));

const personItem: ItemSpec = {
  noun: "un membre fondateur",
  fields: ["prenom", "nom", "civilite", ...address.slice(0, 1), titleField, ...address.slice(1), ...birth],
  label: (p) => personLabel(p),
};

const collegeNames = (project: Project) => (project.association?.colleges ?? []).map((c) => c.nom);

const dirigeantItem: ItemSpec = {
  noun: "un dirigeant",
  fields: [
    "prenom",
    "nom",
    "fonction",
    "civilite",
    ...address.slice(0, 1),
    titleField,
    ...address.slice(1),
    ...birth,
    { path: "college", when: (p) => collegeNames(p).length > 0, hint: "Collège qui l’a élu.", choices: collegeNames },
    { path: "titulaire", message: "Administrateur titulaire ?", hint: "Non pour un suppléant.", suggest: true, when: (p) => collegeNames(p).length > 0 },
  ],
  label: (d) => `${personName(d)}${typeof d.fonction === "string" ? `, ${fonctionLabel(d.fonction, genreOf(typeof d.civilite === "string" ? d.civilite : undefined))}` : ""}`,
};

const categorieItem: ItemSpec = {
  noun: "une catégorie de membres",
  fields: [
    "nom",
    "description",
    "voix",
    {
      path: "dispensee_de_cotisation",
      message: "Ces membres sont-ils dispensés de cotisation ?",
      hint: "Les statuts le disent à l’article sur la cotisation et dans la composition de l’assemblée générale.",
      example: "les membres partenaires et les membres d’honneur (Bergerac)",
    },
  ],
  label: (c) =>
    `${text(c.nom, "(sans nom)")}${c.voix ? ` (${valueLabel(["association", "membres", "categories", 0, "voix"], String(c.voix))})` : ""}${c.dispensee_de_cotisation === true ? ", dispensés de cotisation" : ""}`,
};

const collegeItem: ItemSpec = {
  noun: "un collège",
  fields: ["nom", "composition", "professions", "categories", "titulaires", "suppleants"],
  label: (c) => `${text(c.nom, "(sans nom)")}${c.titulaires !== undefined ? ` — ${String(c.titulaires)} titulaires` : ""}`,
};

const PRESET_DONE = "\u0000none";

const presetSection: Section = {
  id: "modele",
  title: "Modèle de gouvernance (réponses toutes prêtes)",
  async run(ctx: WizardContext) {
    const project = ctx.editor.project;
    const choice = await ctx.ask.select<string>({
      message: "Quel modèle de gouvernance ?",
      hint: "Il remplit d’un coup membres, collèges, conseil d’administration, bureau et assemblées ; tout reste modifiable ensuite.",
      choices: [
        ...GOVERNANCE_PRESETS.map((p) => ({ value: p.id, name: p.label, description: p.description })),
        { value: PRESET_DONE, name: "Aucun (je réponds moi-même)" },
      ],
    });
    if (choice === PRESET_DONE) return;
    const preset = GOVERNANCE_PRESETS.find((p) => p.id === choice)!;
    const conflicts = presetConflicts(preset, project);
    if (conflicts.length) {
      const ok = await ctx.ask.confirm({
        message: `Ce modèle remplace ${conflicts.length} réponse${conflicts.length > 1 ? "s" : ""} déjà données (${conflicts.join(", ")}). Continuer ?`,
        default: false,
      });
      if (!ok) return;
    }
    const colleges = presetColleges(preset, project);
    if (!Array.isArray(preset.colleges) && colleges.length === 0)
      ctx.out(
        ctx.style.yellow(
          "Aucune profession libérale n’est connue (porteurs, acteurs engagés) : ajoutez-les, puis choisissez à nouveau ce modèle pour créer les collèges.",
        ),
      );
    await ctx.editor.apply(presetChanges(preset, project));
    ctx.out(`${ctx.style.green("✔")} Modèle « ${preset.label} » appliqué${colleges.length ? `${NBSP}: ${colleges.map((c) => c.nom).join(", ")}` : ""}.`);
    ctx.out("Il reste à fixer la cotisation et à nommer les dirigeants ; les autres réponses peuvent être modifiées dans les sections suivantes.");
  },
  summary: () => [],
  describe: () => GOVERNANCE_PRESETS.map((p) => p.label).join(" · "),
  done: (project) => Boolean(project.association?.conseil_administration || project.association?.bureau || project.association?.membres),
};

function foundersSection(project: Project): Section {
  const local = isDroitLocal(project);
  return listSection({
    id: "fondateurs",
    title: local ? `Membres fondateurs (${DROIT_LOCAL_MIN_FOUNDERS} au moins en Alsace-Moselle)` : "Membres fondateurs (signataires des statuts)",
    path: "association.fondateurs",
    item: personItem,
    min: DROIT_LOCAL_MIN_FOUNDERS,
    optional: !local,
  });
}

/**
 * The rules an existing association’s extraordinary assembly votes under: those of the statuts it
 * amends, which the file cannot guess from the statuts it adopts.
 */
const statutsBeforeSection = fieldsSection({
  id: "statuts_anterieurs",
  title: "Statuts en vigueur avant l’assemblée extraordinaire (règles de son vote)",
  base: "association.ag_extraordinaire.statuts_anterieurs",
  before: (ctx) =>
    ctx.out(
      ctx.style.dim(
        "L’assemblée extraordinaire vote selon les statuts qu’elle modifie, pas selon ceux qu’elle adopte : reprenez le quorum et la majorité de vos statuts actuels.",
      ),
    ),
  fields: [
    {
      path: "date",
      message: "Date des statuts actuels (adoption ou dernière modification)",
      suggest: (p: Project) => statutsInForceBefore(p).fromHistory,
    },
    { path: "article", message: "Article des statuts actuels sur l’assemblée générale extraordinaire", example: "« 13 » (Bergerac)" },
    { path: "quorum", message: "Quorum de l’assemblée extraordinaire selon les statuts actuels" },
    { path: "majorite", message: "Majorité de l’assemblée extraordinaire selon les statuts actuels" },
    { path: "procurations_max", message: "Nombre maximal de pouvoirs par membre présent selon les statuts actuels" },
  ],
  needed: ["quorum", "majorite"],
});

/**
 * The meetings the founding path records: the assembly that adopts the statuts (constitutive for
 * a new association, extraordinary for an existing one), then the conseil that elects the bureau,
 * each with its votes.
 */
function meetingSections(project: Project) {
  return [
    ...(existing(project)
      ? [
          fieldsSection({
            id: "ag_extraordinaire",
            title: "Assemblée générale extraordinaire qui modifie les statuts",
            base: "association.ag_extraordinaire",
            fields: [
              "date",
              "lieu",
              { path: "heure", parse: parseTime, example: "« 20:00 » (ou 20h)" },
              { path: "membres", example: "118 membres à jour de leur cotisation (Bergerac)" },
              "presents",
              "representes",
              { path: "president_seance", choices: sessionChoices },
              { path: "secretaire_seance", choices: sessionChoices },
              "modifications",
              { path: "elections", message: "Les collèges élisent-ils un nouveau conseil d’administration ?" },
            ],
            needed: ["date", "lieu", "membres", "presents", "president_seance", "secretaire_seance"],
          }),
          statutsBeforeSection,
          votesSection("extraordinaire", "Votes de l’assemblée générale extraordinaire"),
        ]
      : [
          fieldsSection({
            id: "ag_constitutive",
            title: "Assemblée générale constitutive",
            base: "association.ag_constitutive",
            fields: [
              { path: "date", suggest: (p: Project) => p.calendrier?.ag_constitutive },
              "lieu",
              { path: "heure", parse: parseTime, example: "« 20:30 » (ou 20h30)" },
              "presents",
              "representes",
              { path: "president_seance", choices: sessionChoices, example: "« Pierre Delmas »" },
              { path: "secretaire_seance", choices: sessionChoices },
            ],
            needed: ["date", "lieu", "presents", "president_seance", "secretaire_seance"],
          }),
          votesSection("constitutive", "Votes de l’assemblée générale constitutive"),
        ]),
    fieldsSection({
      id: "conseil",
      title: "Réunion du conseil d’administration qui élit le bureau",
      base: "association.conseil_administration.premiere_reunion",
      fields: [
        { path: "date", suggest: (p: Project) => (existing(p) ? p.association?.ag_extraordinaire?.date : p.association?.ag_constitutive?.date) },
        "lieu",
        { path: "heure", parse: parseTime },
        "presents",
        "representes",
        { path: "president_seance", choices: sessionChoices },
        { path: "secretaire_seance", choices: sessionChoices },
      ],
      needed: ["date", "lieu", "presents", "president_seance", "secretaire_seance"],
    }),
    votesSection("conseil", "Vote du conseil d’administration (élection du bureau)"),
  ];
}

/** For a CPTS that updates its projet de santé without recording its founding: what the answers still serve. */
function foundedNotice(project: Project): string | undefined {
  const reason = notNeededReason("statuts", project);
  return reason
    ? `Ce projet n’écrit ni statuts ni procès-verbal, car ${reason}${NBSP}; la dénomination, les membres et les collèges servent au projet de santé.`
    : undefined;
}

export const associationStep: StepDefinition = {
  id: "association",
  title: "L’association (statuts, AG constitutive, dirigeants)",
  paths: ["association", "cpts.siren", "cpts.date_creation"],
  ignore: ["association.etat"],
  intro: (project) =>
    [
      (existing(project)
        ? "L’association existante qui porte la CPTS : ses statuts modifiés, l’assemblée générale extraordinaire qui les adopte, "
        : "L’association qui porte la CPTS : ses statuts, l’assemblée générale constitutive qui les adopte, ") +
        "la réunion du conseil d’administration qui élit le bureau, les votes et les dirigeants. Un modèle de gouvernance remplit d’un coup la plupart des réponses.",
      foundedNotice(project),
      droitLocalNotice(project),
    ]
      .filter(Boolean)
      .join("\n"),
  sections: (project) => [
    fieldsSection({
      id: "identite",
      title: "Parcours, état et dénomination",
      base: "",
      fields: [
        { path: "association.parcours", message: "L’association qui porte la CPTS est-elle à créer, ou existe-t-elle déjà ?" },
        "association.etat",
        { path: "association.denomination", suggest: (p: Project) => p.cpts.nom },
        { path: "cpts.date_creation", when: (p) => p.association?.etat === "declaree" || existing(p) },
        { path: "association.rna", when: (p) => existing(p) && !isDroitLocal(p) },
        { path: "cpts.siren", when: (p) => p.association?.etat === "declaree" || existing(p) },
        { path: "association.statuts.adoptes_le", when: existing, message: "Date d’adoption des premiers statuts" },
      ],
      needed: ["association.parcours", "association.denomination"],
    }),
    fieldsSection({
      id: "siege",
      title: "Siège",
      base: "association.siege",
      fields: ["adresse", "code_postal", "commune"],
      before: (ctx) => ctx.out(ctx.style.dim("En Moselle, dans le Bas-Rhin et le Haut-Rhin, le droit local s’applique aux associations.")),
      after: (ctx) => {
        const notice = droitLocalNotice(ctx.editor.project);
        if (notice) ctx.out(ctx.style.yellow(notice));
      },
    }),
    ...(isDroitLocal(project)
      ? [
          fieldsSection({
            id: "inscription",
            title: "Inscription au registre des associations (droit local)",
            base: "association.inscription",
            fields: ["tribunal", "journal_annonces_legales", { path: "registre", when: existing }],
            needed: ["tribunal", "journal_annonces_legales"],
          }),
        ]
      : []),
    presetSection,
    fieldsSection({
      id: "membres",
      title: "Membres",
      base: "association.membres",
      fields: [{ path: "categories", item: categorieItem }, "admission", "perte_qualite"],
      needed: ["categories", "admission"],
    }),
    listSection({ id: "colleges", path: "association.colleges", item: collegeItem, optional: true }),
    fieldsSection({
      id: "cotisation",
      title: "Cotisation",
      base: "association.cotisation",
      fields: [{ path: "montant", message: "Montant annuel de la cotisation (euros)", example: "30 (Bergerac)" }, "fixee_par", "commentaire"],
      needed: ["montant"],
    }),
    fieldsSection({
      id: "ca",
      title: "Conseil d’administration",
      base: "association.conseil_administration",
      fields: ["composition", "duree_mandat_ans", "reunions_par_an", { path: "quorum", message: "Quorum du conseil" }, { path: "majorite", message: "Majorité des décisions du conseil" }],
      needed: ["composition", "duree_mandat_ans"],
    }),
    fieldsSection({
      id: "bureau",
      title: "Bureau",
      base: "association.bureau",
      fields: [
        "fonctions",
        { path: "vice_president_par_college", message: "Un vice-président par collège ?" },
        { path: "presidence_tournante", message: "Présidence tournante entre professions ?" },
        "duree_mandat_ans",
      ],
      needed: ["fonctions"],
    }),
    fieldsSection({
      id: "ag",
      title: "Assemblées générales",
      base: "association.assemblee_generale",
      fields: [
        { path: "ordinaire.frequence", message: "Fréquence de l’assemblée générale ordinaire" },
        { path: "ordinaire.convocation_jours", message: "Délai de convocation de l’assemblée ordinaire (jours)" },
        { path: "ordinaire.quorum", message: "Quorum de l’assemblée ordinaire" },
        { path: "ordinaire.majorite", message: "Majorité de l’assemblée ordinaire" },
        { path: "extraordinaire.convocation_jours", message: "Délai de convocation de l’assemblée extraordinaire (jours)" },
        { path: "extraordinaire.quorum", message: "Quorum de l’assemblée extraordinaire" },
        { path: "extraordinaire.majorite", message: "Majorité de l’assemblée extraordinaire" },
        { path: "procurations_max", message: "Nombre maximal de procurations par membre présent" },
      ],
      needed: [
        "ordinaire.convocation_jours",
        "ordinaire.quorum",
        "ordinaire.majorite",
        "extraordinaire.convocation_jours",
        "extraordinaire.quorum",
        "extraordinaire.majorite",
      ],
    }),
    fieldsSection({
      id: "regles",
      title: "Ressources, objet, durée, dissolution",
      base: "association",
      fields: [
        "ressources",
        { path: "indemnisation_membres", message: "Les membres peuvent-ils être indemnisés ?", hint: "Dans la limite légale (article D1434-44 du code de la santé publique)." },
        { path: "reglement_interieur", message: "Un règlement intérieur complète-t-il les statuts ?" },
        "dissolution.devolution",
        "objet",
        {
          path: "duree",
          hint: "« illimitée » ou un nombre d’années.",
          parse: (t: string) => (/^illimit/i.test(t) ? "illimitee" : /^\d+$/.test(t) ? Number(t) : t),
          format: (v: unknown) => (v === "illimitee" ? "illimitée" : String(v)),
          suggest: "illimitee",
        },
      ],
      needed: ["dissolution.devolution"],
    }),
    ...meetingSections(project),
    foundersSection(project),
    listSection({
      id: "dirigeants",
      title: `Dirigeants (${MIN_DIRIGEANTS} au moins)`,
      path: "association.dirigeants",
      item: dirigeantItem,
      min: MIN_DIRIGEANTS,
    }),
  ],
};
