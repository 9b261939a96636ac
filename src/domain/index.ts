/**
 * The rules of a CPTS, pure: no file, no terminal, no document format. The project comes in
 * already read and validated (src/project), the territory from src/territory's data; what goes
 * out is data that src/cli prints, the wizard asks about and src/render lays out.
 */
/** ACI figures (tailles and the taille rule, amounts, maximums, payment and calendar rules), with their sources. */
export * from "./aci.js";
/** Association law: the law of the siège (loi de 1901 or droit local), the founding path, the dates of the statuts. */
export * from "./association.js";
/** The two founding paths, their documents and declarations, quorum, majorities and elections. */
export * from "./founding.js";
/** The meetings a founding path records, their resolutions and votes. */
export * from "./meetings.js";
/** Forms of functions, titles and professions by gender. */
export * from "./gender.js";
/** The regulatory timeline: the rules in force on a date, and dates that contradict each other. */
export * from "./timeline.js";
/** Dates: ISO checks, months added, regulatory deadlines. */
export * from "./calendar.js";
/** Actor categories, missions and professions, from src/domain/data. */
export * from "./categories.js";
export * from "./missions.js";
export * from "./professions.js";
/** Densities and comparisons of the territorial diagnostic; the CSV import of indicators. */
export * from "./diagnostic.js";
export * from "./indicators-csv.js";
/** The documents, their titles and page layout. */
export * from "./documents.js";
export * from "./document-layout.js";
/** What each ACI mission is expected to contain, and the checks of a mission's actions. */
export * from "./mission-content.js";
/** The regulatory timeline: the rules in force on a date. */
export * from "./timeline.js";
/** The project's schedule under the rules of each date; the contract's end and renewal. */
export * from "./schedule.js";
/** The budget prévisionnel; what the diagnostic and budget say to an ARS reviewer. */
export * from "./budget.js";
export * from "./substance.js";
/** The ACI financing simulator. */
export * from "./financing.js";
/** The territory of a project with its ACI taille. */
export * from "./project-territory.js";
/** What each document still needs, and where the project stands. */
export * from "./readiness.js";
export * from "./progress.js";
/** How far each document is, counted one way for every screen, and the next actions as commands. */
export * from "./guidance.js";
/** The view model every template reads. */
export * from "./model/index.js";
