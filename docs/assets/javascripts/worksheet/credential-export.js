// The micro-credential description as files: Open Badges 3.0 and a European Learning Model draft.
// Loaded only when one of their buttons is pressed. The builders are pure (testable under Node);
// `download` is the page wiring.
//
// A missing optional value is left out; a missing mandatory one is named at the top of the file
// (`missing`), and the rest is written as far as it goes: a draft, never a broken file. Every
// text goes through JSON.stringify, so no answer can break the JSON or become markup.

import { own } from "./rules.js";
import { elements, missingOf, valueOf } from "./credential.js";
import { h } from "./form.js";

export const OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
export const VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const ELM_CONTEXT = "http://data.europa.eu/snb/model/context/edc-ap";
const ECTS = { uri: "http://data.europa.eu/snb/education-credit/6fcec5c5af", label: { en: "ECTS credits" } };
const SCHEMES = {
  "http://publications.europa.eu/resource/authority/language/": "http://publications.europa.eu/resource/authority/language",
  "http://publications.europa.eu/resource/authority/country/": "http://publications.europa.eu/resource/authority/country",
};

const text = (value) => (typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "");
const rows = (value, column) => (Array.isArray(value) ? value.map((row) => text(own(row, column))).filter(Boolean) : []);
const number = (value) => (typeof value === "number" && Number.isFinite(value) ? value : null);
const webAddress = (value) => {
  try {
    const url = new URL(text(value));
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
};
const slug = (value) => encodeURIComponent(text(value).replace(/\s+/g, "-")) || "course";

/** What the description says, from the answers, the linked values and the computed ones. */
export function describe(spec, inputs) {
  const value = (id) => valueOf(inputs, id);
  // A coded value: its concept and labels, from the list of the field that overrides it.
  const code = (id, chosen = value(id)) => (typeof chosen === "string" ? own(spec.fields[id]?.codes, chosen) : null);
  const codes = (id) =>
    Array.isArray(value(id))
      ? value(id)
          .map((c) => code(id, c))
          .filter(Boolean)
      : [];
  const main = code("text_language") ? value("text_language") : spec.language;
  const other = code("other_language") && value("other_language") !== main ? value("other_language") : null;
  const outcomes = rows(value("outcomes"), "outcome");
  const translated = rows(own(inputs.answers, "outcomes_other"), "outcome");
  const secondary = {
    title: text(own(inputs.answers, "title_other")),
    summary: text(own(inputs.answers, "summary_other")),
    outcomes: translated,
  };
  return {
    main,
    // A second language counts when its title and description are given, and every outcome.
    other: other && secondary.title && secondary.summary && translated.length === outcomes.length ? other : null,
    code: text(value("course_code")),
    title: { [main]: text(value("title")), ...(other ? { [other]: secondary.title } : {}) },
    summary: { [main]: text(value("summary")), ...(other ? { [other]: secondary.summary } : {}) },
    outcomes: outcomes.map((outcome, i) => ({ [main]: outcome, ...(other && translated[i] ? { [other]: translated[i] } : {}) })),
    criteria: text(value("criteria")),
    awardingBody: text(value("awarding_body")),
    country: code("country"),
    homepage: webAddress(value("homepage")),
    image: webAddress(value("image")),
    eqf: code("eqf_level"),
    isced: code("isced_field"),
    languages: codes("languages"),
    language: code("text_language", main),
    mode: code("participation_form"),
    setting: code("learning_setting"),
    creditSystem: code("credit_system") ?? null,
    hours: number(own(inputs.values, "workload_hours")) || null,
    ects: number(own(inputs.values, "ects")) || null,
    ekap: number(own(inputs.values, "ekap")) || null,
    prerequisites: text(value("prerequisites")),
    further: text(value("further_information")),
    quality: text(value("quality_assurance")),
  };
}

export const languagesOf = (description) => [description.main, ...(description.other ? [description.other] : [])];

const figure = (value, language) => String(value).replace(".", language === "et" ? "," : ".");

function credits(description, language) {
  const parts = [];
  if (description.ects != null) parts.push(`${figure(description.ects, language)} ${description.creditSystem?.label[language] ?? "ECTS"}`);
  if (description.ekap != null) parts.push(`${figure(description.ekap, language)} EKAP`);
  if (description.hours != null) parts.push(`${figure(description.hours, language)} h`);
  return parts.join(" · ");
}

/** The achievement's permanent address: the course page's site, or else this toolkit's. */
export function achievementId(description, language, siteAddress) {
  const base = description.homepage ? new URL("/", description.homepage).href : siteAddress;
  return new URL(`micro-credentials/${slug(description.code)}/${language}#achievement`, base).href;
}

const bullets = (items) => items.map((item) => `- ${item}`).join("\n");

/** One Open Badges 3.0 Achievement in one language. */
export function achievement(description, language, siteAddress) {
  const { eqf, isced } = description;
  const outcomes = description.outcomes.map((outcome) => outcome[language]).filter(Boolean);
  const criteria = [language === description.main ? description.criteria : "", bullets(outcomes)].filter(Boolean).join("\n\n");
  const result = {
    "@context": [OB_CONTEXT],
    id: achievementId(description, language, siteAddress),
    type: ["Achievement"],
    achievementType: "MicroCredential",
    name: description.title[language] ?? "",
    description: [description.summary[language], credits(description, language)].filter(Boolean).join("\n\n"),
    // With nothing written yet, a draft's criteria point at the course's own address.
    criteria: criteria ? { narrative: criteria } : { id: achievementId(description, language, siteAddress).replace(/#.*$/, "") },
    inLanguage: language,
  };
  if (description.code) result.humanCode = description.code;
  if (eqf) {
    const level = eqf.uri.split("/").pop();
    result.alignment = [
      {
        type: ["Alignment"],
        targetName: eqf.label[language] ?? eqf.label.en,
        targetUrl: eqf.uri,
        targetFramework: "European Qualifications Framework",
        targetCode: level,
        targetType: "ext:EQF",
      },
    ];
  }
  if (isced) result.fieldOfStudy = isced.label[language] ?? isced.label.en;
  if (description.ects != null) result.creditsAvailable = description.ects;
  if (description.image) result.image = { id: description.image, type: "Image" };
  const others = languagesOf(description).filter((other) => other !== language);
  if (others.length) {
    result.related = others.map((other) => ({ id: achievementId(description, other, siteAddress), type: ["Related"], inLanguage: other }));
  }
  return result;
}

/** An unsigned OpenBadgeCredential around the main language's achievement, to try in a validator. */
export function sampleCredential(description, siteAddress, now = new Date()) {
  const { "@context": _, ...subject } = achievement(description, description.main, siteAddress);
  const issuer = description.homepage ? new URL("/", description.homepage).href : siteAddress;
  return {
    "@context": [VC_CONTEXT, OB_CONTEXT],
    id: `${achievementId(description, description.main, siteAddress).replace(/#.*$/, "")}#sample-credential`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: issuer, type: ["Profile"], name: description.awardingBody || issuer },
    validFrom: now.toISOString().replace(/\.\d+Z$/, "Z"),
    name: subject.name,
    credentialSubject: { type: ["AchievementSubject"], achievement: subject },
  };
}

export function openBadgesFile(description, siteAddress, missing, now) {
  return {
    ...(missing.length ? { missing } : {}),
    achievements: languagesOf(description).map((language) => achievement(description, language, siteAddress)),
    sampleCredential: sampleCredential(description, siteAddress, now),
  };
}

// ----- European Learning Model --------------------------------------------------------------

const schemeOf = (uri) => {
  for (const [prefix, scheme] of Object.entries(SCHEMES)) if (uri.startsWith(prefix)) return scheme;
  return uri.replace(/[^/]+$/, "25831c2"); // the Europass vocabularies' scheme ends so
};

export const concept = (code) =>
  code && {
    id: code.uri,
    type: "Concept",
    inScheme: { id: schemeOf(code.uri), type: "ConceptScheme" },
  };

/** A language map of the languages that have a text; null when none has. */
const map = (texts) => {
  const given = Object.entries(texts).filter(([, value]) => value);
  return given.length ? Object.fromEntries(given) : null;
};

const note = (id, texts) => map(texts) && { id, type: "Note", noteLiteral: map(texts) };

/** Drop the keys whose value is null: a missing optional value is left out. */
const prune = (node) => Object.fromEntries(Object.entries(node).filter(([, value]) => value != null && !(Array.isArray(value) && !value.length)));

/** The course as an ELM v3 LearningOpportunity with its LearningAchievementSpecification. */
export function learningOpportunity(description, siteAddress) {
  const base = achievementId(description, description.main, siteAddress)
    .replace(/#.*$/, "")
    .replace(/[^/]+$/, "");
  const each = (value) => Object.fromEntries(languagesOf(description).map((language) => [language, value]));
  const organisation = prune({
    id: `${base}#organisation`,
    type: "Organisation",
    legalName: map(each(description.awardingBody)),
    location: description.country && {
      id: `${base}#location`,
      type: "Location",
      address: { id: `${base}#address`, type: "Address", countryCode: concept(description.country) },
    },
  });
  const specification = prune({
    id: `${base}#specification`,
    type: "LearningAchievementSpecification",
    title: map(description.title),
    description: map(description.summary),
    educationLevel: concept(description.eqf),
    thematicArea: concept(description.isced),
    language: description.languages.map(concept),
    volumeOfLearning: description.hours != null ? `PT${Math.round(description.hours)}H` : null,
    creditPoint:
      description.ects != null
        ? {
            type: "CreditPoint",
            point: String(description.ects),
            framework: concept(description.creditSystem ?? ECTS),
          }
        : null,
    mode: concept(description.mode),
    learningSetting: concept(description.setting),
    entryRequirement: note(`${base}#entry-requirements`, { [description.main]: description.prerequisites }),
    additionalNote: [
      note(`${base}#quality-assurance`, { [description.main]: description.quality }),
      note(`${base}#further-information`, { [description.main]: description.further }),
    ].filter(Boolean),
    learningOutcome: description.outcomes.map((outcome, index) => ({
      id: `${base}#outcome-${index + 1}`,
      type: "LearningOutcome",
      title: map(outcome),
    })),
    awardingOpportunity: {
      id: `${base}#awarding`,
      type: "AwardingOpportunity",
      awardingBody: organisation.id,
      learningAchievementSpecification: `${base}#specification`,
    },
  });
  return prune({
    "@context": [ELM_CONTEXT, { id: "@id", type: "@type" }],
    id: `${base}#learning-opportunity`,
    type: "LearningOpportunity",
    title: map(description.title),
    description: map(description.summary),
    homepage: description.homepage && { id: `${base}#homepage`, type: "WebResource", contentURL: description.homepage },
    "elm:defaultLanguage": concept(description.language),
    mode: concept(description.mode),
    providedBy: organisation,
    learningAchievementSpecification: specification,
  });
}

/** The ELM file: the JSON-LD document, with the missing elements named first when there are any. */
export function europassFile(description, siteAddress, missing) {
  const document = learningOpportunity(description, siteAddress);
  // A key shaped like a keyword is ignored by JSON-LD processors: the note never becomes data.
  return missing.length ? { "@context": document["@context"], "@comment": missing, ...document } : document;
}

// ----- Page wiring --------------------------------------------------------------------------

/** The address of the toolkit site's root, from Material's configuration on the page. */
function siteAddress() {
  try {
    return new URL(JSON.parse(document.getElementById("__config").textContent).base + "/", location.href).href;
  } catch {
    return new URL("/", location.href).href;
  }
}

function save(name, content) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(content, null, 2)], { type: "application/json" }));
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function download(w, kind) {
  const { spec, t } = w;
  const description = describe(spec, w.current());
  const names = Object.fromEntries(elements(w.root, spec));
  const missing = missingOf(w.current(), Object.keys(names)).map((id) => names[id]);
  const stem = `${slug(description.code || spec.id)}`.toLowerCase();
  const [file, content] =
    kind === "ob3"
      ? [`${stem}-open-badges-3.json`, openBadgesFile(description, siteAddress(), missing)]
      : [`${stem}-europass-draft.jsonld`, europassFile(description, siteAddress(), missing)];
  save(file, content);
  const status = w.root.querySelector("[data-ws-credential-status]");
  status.textContent = missing.length ? t("ws_credential_saved_draft", { file, fields: missing.join(", ") }) : t("ws_credential_saved", { file });
}
