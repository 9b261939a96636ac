/**
 * The meetings a founding path records in procès-verbaux: the assemblée générale constitutive of
 * a new association, the assemblée générale extraordinaire that turns an existing one into a
 * CPTS, and the meeting of the conseil d’administration that elects the bureau. For each: the
 * resolutions the statuts make it vote (one election per collège, the bureau by the conseil,
 * the cotisation by the instance the statuts name, powers for the formalities), the votes the
 * file records for them, and the checks of founding.ts against the statuts. Pure.
 */
import type { Association, Project, Reunion, Resolution, Vote } from "../project/index.js";
import { projectParcours, projectRegime } from "./association.js";
import { checkMeeting, type MeetingRecord, type Reunion as MeetingKindData } from "./founding.js";
import type { Finding } from "../project/index.js";

export type MeetingKind = "constitutive" | "extraordinaire" | "conseil";
export type ResolutionCode = Resolution["code"];

export interface ExpectedResolution {
  code: ResolutionCode;
  /** For an election by a collège: its name, as the statuts give it. */
  college?: string;
  /** « Adoption des statuts », « Élection des représentants du collège des infirmiers ». */
  intitule: string;
}

/** Where each meeting is in the project file. */
export const MEETING_PATHS: Readonly<Record<MeetingKind, string>> = {
  constitutive: "association.ag_constitutive",
  extraordinaire: "association.ag_extraordinaire",
  conseil: "association.conseil_administration.premiere_reunion",
};

/** The meeting as the file describes it (undefined when the file says nothing of it). */
export function meetingOf(project: Project, kind: MeetingKind): (Reunion & { modifications?: string[]; elections?: boolean }) | undefined {
  const a = project.association;
  switch (kind) {
    case "constitutive":
      return a?.ag_constitutive;
    case "extraordinaire":
      return a?.ag_extraordinaire;
    case "conseil":
      return a?.conseil_administration?.premiere_reunion;
  }
}

/** The meetings whose procès-verbal the project needs, in the order they are held. */
export function projectMeetings(project: Project): MeetingKind[] {
  return projectParcours(project) === "existante"
    ? ["extraordinaire", ...(boardIsElected(project) ? (["conseil"] as const) : [])]
    : ["constitutive", "conseil"];
}

/**
 * Whether the project elects a (new) conseil and bureau: always for a new association; for an
 * existing one, when its extraordinary assembly has the collèges elect a new conseil.
 */
export function boardIsElected(project: Project): boolean {
  return projectParcours(project) === "nouvelle" || project.association?.ag_extraordinaire?.elections === true;
}

const MODIFICATIONS: Record<string, string> = {
  objet: "Modification de l’objet",
  membres: "Modification des membres et des collèges",
  instances: "Modification des instances",
  denomination: "Changement de dénomination",
  siege: "Transfert du siège",
};

function elections(a: Association): ExpectedResolution[] {
  const colleges = a.colleges ?? [];
  if (colleges.length === 0) return [{ code: "election", intitule: "Élection du conseil d’administration" }];
  return colleges.map((c) => ({ code: "election" as const, college: c.nom, intitule: `Élection des représentants du ${c.nom} au conseil d’administration` }));
}

/** Whether the conseil (rather than the assembly) sets the cotisation, as the statuts say. */
export function cotisationByConseil(a: Association | undefined): boolean {
  return a?.cotisation?.fixee_par === "conseil_administration";
}

/**
 * The resolutions a meeting votes, in the order of its procès-verbal. The constitutive assembly
 * adopts the statuts, has each collège elect its members of the conseil, sets the cotisation
 * unless the statuts leave it to the conseil, and gives powers for the declaration (or the
 * request for inscription). The extraordinary assembly votes each modification, then the whole
 * amended text, the elections when the instances change, and the powers. The conseil elects the
 * bureau (and sets the cotisation when the statuts say so, for a new association).
 */
export function expectedResolutions(project: Project, kind: MeetingKind): ExpectedResolution[] {
  const a = project.association ?? {};
  const formalities = projectRegime(project) === "droit_local" ? "Pouvoirs pour la demande d’inscription" : "Pouvoirs pour la déclaration";
  switch (kind) {
    case "constitutive":
      return [
        { code: "statuts", intitule: "Adoption des statuts" },
        ...elections(a),
        ...(cotisationByConseil(a) ? [] : [{ code: "cotisation" as const, intitule: "Cotisation annuelle" }]),
        { code: "pouvoirs", intitule: formalities },
      ];
    case "extraordinaire": {
      const age = a.ag_extraordinaire ?? {};
      return [
        ...(age.modifications ?? []).map((m) => ({ code: m as ResolutionCode, intitule: MODIFICATIONS[m] ?? m })),
        { code: "statuts", intitule: "Adoption des statuts modifiés" },
        ...(age.elections === true ? elections(a) : []),
        { code: "pouvoirs", intitule: projectRegime(project) === "droit_local" ? "Pouvoirs pour l’inscription des modifications" : "Pouvoirs pour la déclaration des modifications" },
      ];
    }
    case "conseil":
      return [
        { code: "bureau", intitule: "Élection du bureau" },
        ...(cotisationByConseil(a) && projectParcours(project) === "nouvelle" ? [{ code: "cotisation" as const, intitule: "Cotisation annuelle" }] : []),
      ];
  }
}

/** The file’s entry for a resolution (same code, same collège) and its index, if any. */
export function recordedResolution(meeting: Reunion | undefined, expected: ExpectedResolution): { index: number; resolution: Resolution } | undefined {
  const list = meeting?.resolutions ?? [];
  const index = list.findIndex((r) => r.code === expected.code && (r.college ?? undefined) === expected.college);
  return index < 0 ? undefined : { index, resolution: list[index]! };
}

/** The vote of a resolution, or undefined when the file does not record it. */
export function voteOf(meeting: Reunion | undefined, expected: ExpectedResolution): Vote | undefined {
  return recordedResolution(meeting, expected)?.resolution.vote;
}

const KIND_DATA: Record<MeetingKind, MeetingKindData> = { constitutive: "constitutive", extraordinaire: "extraordinaire", conseil: "conseil" };

/**
 * Members of the conseil who vote at its meeting: the figure the file gives, else its titulaires
 * (suppléants vote only in place of a titulaire).
 */
export function boardVoters(project: Project): number | undefined {
  const given = project.association?.conseil_administration?.premiere_reunion?.membres;
  if (given !== undefined) return given;
  const titulaires = (project.association?.dirigeants ?? []).filter((d) => d.titulaire !== false).length;
  return titulaires > 0 ? titulaires : undefined;
}

/** A meeting in the shape founding.ts checks, each resolution with the path of its vote. */
export function meetingRecord(project: Project, kind: MeetingKind): MeetingRecord {
  const meeting = meetingOf(project, kind);
  const path = MEETING_PATHS[kind];
  const membres = kind === "conseil" ? boardVoters(project) : meeting?.membres;
  return {
    reunion: KIND_DATA[kind],
    ...(membres !== undefined ? { membres } : {}),
    ...(meeting?.presents !== undefined ? { presents: meeting.presents } : {}),
    ...(meeting?.representes !== undefined ? { representes: meeting.representes } : {}),
    resolutions: expectedResolutions(project, kind).map((e) => {
      const found = recordedResolution(meeting, e);
      const vote = found?.resolution.vote;
      return {
        intitule: e.intitule,
        ...(vote ? { vote } : {}),
        path: found ? `${path}.resolutions[${found.index}]` : `${path}.resolutions`,
      };
    }),
    path,
  };
}

/** Quorum, proxies and every vote of a meeting, against the statuts (founding.ts). */
export function checkProjectMeeting(project: Project, kind: MeetingKind): Finding[] {
  return checkMeeting(project.association ?? {}, projectRegime(project), meetingRecord(project, kind));
}
