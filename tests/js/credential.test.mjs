// The builders of the micro-credential description under Node: the Open Badges 3.0 Achievement
// and the European Learning Model document (credential-export.js), and the description for
// people (credential-description.js). Pure functions: the spec, the answers and the values in,
// plain data out.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  achievement,
  achievementId,
  describe,
  europassFile,
  learningOpportunity,
  openBadgesFile,
  sampleCredential,
} from "../../docs/assets/javascripts/worksheet/credential-export.js";
import { describeForPeople, figure, wordValues } from "../../docs/assets/javascripts/worksheet/credential-description.js";

const SITE = "https://toolkit.example.org/";
const EQF4 = { uri: "http://data.europa.eu/snb/eqf/4", label: { en: "EQF level 4", et: "EQF tase 4" } };
const ISCED = { uri: "http://data.europa.eu/snb/isced-f/0414", label: { en: "0414 Marketing and advertising", et: "0414 Turundus ja reklaam" } };
const LANGUAGES = {
  en: { uri: "http://publications.europa.eu/resource/authority/language/ENG", label: { en: "English", et: "inglise" } },
  et: { uri: "http://publications.europa.eu/resource/authority/language/EST", label: { en: "Estonian", et: "eesti" } },
};
const SPEC = {
  id: "micro-credential",
  language: "en",
  fields: {
    eqf_level: { type: "choice", options: ["eqf4"], codes: { eqf4: EQF4 } },
    eqf_level_from: { type: "linked", source: { shows: { labels: { eqf4: "EQF level 4" } } } },
    isced_field: { type: "choice", options: ["f0414"], codes: { f0414: ISCED } },
    text_language: { type: "choice", options: ["en", "et"], codes: LANGUAGES },
    other_language: { type: "choice", options: ["en", "et"], codes: LANGUAGES },
    languages: { type: "multichoice", options: ["en", "et"], codes: LANGUAGES },
    learner_identification: { type: "choice", options: ["name_email"] },
    quality_assurance: { type: "textarea" },
    further_information: { type: "textarea" },
  },
};
const FULL = {
  answers: {
    title: "Digital marketing for small salons",
    course_code: "DM SALON 2026",
    summary: "Owners of small salons learn to win clients online.",
    text_language: "en",
    other_language: "et",
    title_other: "Digiturundus väikestele salongidele",
    summary_other: "Väikeste salongide omanikud õpivad veebis kliente leidma.",
    outcomes_other: [{ outcome: "Planeerib postituskalendri." }],
    outcomes: [{ outcome: "Plans a posting calendar." }],
    awarding_body: "Näidise Kutsehariduskeskus",
    homepage: "https://school.example.ee/courses/salon",
    isced_field: "f0414",
    languages: ["et"],
    learner_identification: "name_email",
    quality_assurance: "Internal review.",
  },
  values: { workload_hours: 52, ects: 1.9, ekap: 2 },
  linked: { eqf_level_from: "eqf4" },
};
const HOSTILE = '</script><script>alert(1)</script> "quoted" \\ \u0000 \u2028 🧑‍🏫';

const inputs = (answers = {}, values = FULL.values, linked = FULL.linked) => ({ answers: { ...FULL.answers, ...answers }, values, linked });
const without = (...ids) => ({ ...FULL, answers: Object.fromEntries(Object.entries(FULL.answers).filter(([id]) => !ids.includes(id))) });

test("an achievement per language, each with an absolute id and the other as related", () => {
  const description = describe(SPEC, FULL);
  const [english, estonian] = openBadgesFile(description, SITE, []).achievements;
  for (const one of [english, estonian]) {
    assert.equal(new URL(one.id).href, one.id); // absolute: URL would refuse a relative id
    assert.ok(one.id.startsWith("https://school.example.ee/micro-credentials/"));
    assert.equal(one.achievementType, "MicroCredential");
  }
  assert.deepEqual(english.related, [{ id: estonian.id, type: ["Related"], inLanguage: "et" }]);
  assert.equal(estonian.name, "Digiturundus väikestele salongidele");
  assert.equal(english.alignment[0].targetUrl, EQF4.uri);
  assert.equal(english.creditsAvailable, 1.9);
});

test("without a course page the ids are built on the toolkit's own address", () => {
  const description = describe(SPEC, without("homepage"));
  assert.ok(achievementId(description, "en", SITE).startsWith(`${SITE}micro-credentials/DM-SALON-2026/en`));
  assert.equal(sampleCredential(description, SITE).issuer.id, SITE);
});

test("a missing optional value is left out of the achievement, never written empty", () => {
  const description = describe(SPEC, { ...without("image", "isced_field", "course_code"), values: {}, linked: {} });
  const one = achievement(description, "en", SITE);
  for (const key of ["image", "fieldOfStudy", "humanCode", "creditsAvailable", "alignment"]) assert.ok(!(key in one), key);
  assert.deepEqual(one.criteria, { narrative: "- Plans a posting calendar." });
});

test("an image is an object with its address, never a bare string; a non-web address is left out", () => {
  assert.deepEqual(achievement(describe(SPEC, inputs({ image: "https://school.example.ee/badge.png" })), "en", SITE).image, {
    id: "https://school.example.ee/badge.png",
    type: "Image",
  });
  assert.ok(!("image" in achievement(describe(SPEC, inputs({ image: "javascript:alert(1)" })), "en", SITE)));
});

test("a second language counts only when its title, description and every outcome are there", () => {
  const description = describe(SPEC, inputs({ outcomes_other: [] }));
  assert.equal(description.other, null);
  assert.equal(openBadgesFile(description, SITE, []).achievements.length, 1);
});

test("hostile text stays JSON text: it survives a round trip unchanged and writes no markup", () => {
  const description = describe(SPEC, inputs({ title: HOSTILE, summary: HOSTILE, awarding_body: HOSTILE }));
  const badges = openBadgesFile(description, SITE, []);
  const europass = europassFile(description, SITE, []);
  for (const file of [badges, europass]) assert.deepEqual(JSON.parse(JSON.stringify(file)), file);
  assert.equal(badges.achievements[0].name, HOSTILE.trim());
  assert.equal(europass.title.en, HOSTILE.trim());
  assert.equal(europass.providedBy.legalName.en, HOSTILE.trim());
});

test("the ELM document holds both languages and every coded value as a concept in its scheme", () => {
  const document = learningOpportunity(describe(SPEC, FULL), SITE);
  const specification = document.learningAchievementSpecification;
  assert.deepEqual(Object.keys(document.title), ["en", "et"]);
  assert.deepEqual(specification.educationLevel, {
    id: EQF4.uri,
    type: "Concept",
    inScheme: { id: "http://data.europa.eu/snb/eqf/25831c2", type: "ConceptScheme" },
  });
  assert.equal(specification.language[0].inScheme.id, "http://publications.europa.eu/resource/authority/language");
  assert.deepEqual(specification.learningOutcome[0].title, { en: "Plans a posting calendar.", et: "Planeerib postituskalendri." });
  assert.equal(specification.volumeOfLearning, "PT52H");
  for (const id of [document.id, specification.id, document.providedBy.id]) assert.equal(new URL(id).href, id);
});

test("the ELM document leaves out what has no value and names the missing at its top", () => {
  const description = describe(SPEC, { ...without("quality_assurance", "isced_field", "homepage"), values: {}, linked: {} });
  const file = europassFile(description, SITE, ["Type of quality assurance"]);
  assert.deepEqual(Object.keys(file).slice(0, 2), ["@context", "@comment"]);
  const specification = file.learningAchievementSpecification;
  for (const key of ["thematicArea", "creditPoint", "volumeOfLearning", "educationLevel", "additionalNote"]) assert.ok(!(key in specification), key);
  assert.ok(!("homepage" in file));
});

// ----- The description for people -----------------------------------------------------------

const NAMES = {
  title: "Title of the micro-credential",
  awarding_body: "Awarding body",
  quality_assurance: "Type of quality assurance",
  eqf_level: "Level (EQF)",
  outcomes: "Learning outcomes",
};
const LABELS = { learner_identification: { name_email: "Full name and e-mail address" } };
// Estonian number marks; the other texts are their keys, but for the workload's template.
const TEXTS = { ws_number_marks: ",\u00a0", ws_description_workload: "{hours} h ({ects} ECTS, {ekap} EKAP)" };
const t = (key, values = {}) => Object.entries(values).reduce((text, [name, value]) => text.replace(`{${name}}`, value), TEXTS[key] ?? key);
const people = (input) => describeForPeople(SPEC, input, NAMES, LABELS, t);
const row = (description, id) => description.rows.find((one) => one.id === id);

test("the description for people says coded values by their labels, not their codes", () => {
  const description = people(FULL);
  assert.equal(row(description, "eqf_level").text, "EQF level 4");
  assert.equal(row(description, "learner_identification").text, "Full name and e-mail address");
  assert.deepEqual(row(description, "outcomes").items, ["Plans a posting calendar."]);
  assert.equal(description.otherTitle, "Digiturundus väikestele salongidele");
  assert.ok(!/europa\.eu/.test(JSON.stringify(description)));
});

test("the workload is said with the page's number marks", () => {
  assert.equal(row(people(FULL), "hours").text, "52 h (1,9 ECTS, 2 EKAP)");
  assert.equal(row(people({ ...FULL, values: {} }), "hours"), undefined); // not a panel element here
  assert.equal(figure(1234.56, [",", "\u00a0"]), "1\u00a0234,6");
  assert.equal(figure(1.9, [".", ","]), "1.9");
});

test("a missing mandatory element is marked missing; a missing optional one is left out", () => {
  const description = people(without("awarding_body", "further_information"));
  assert.deepEqual(row(description, "awarding_body"), { id: "awarding_body", label: "Awarding body", text: "ws_description_missing", missing: true });
  assert.equal(row(description, "further_information"), undefined);
  assert.equal(people(without("title")).titleMissing, true);
});

test("the Word values give each outcome a row of its own, the element's name on the first", () => {
  const values = wordValues(people(inputs({ outcomes: [{ outcome: "One." }, { outcome: "Two." }] })));
  const outcomes = values.rows.filter((one) => one.value.endsWith("One.") || one.value.endsWith("Two."));
  assert.deepEqual(outcomes, [
    { label: "Learning outcomes", value: "1. One." },
    { label: "", value: "2. Two." },
  ]);
  assert.equal(values.title, "Digital marketing for small salons");
});
