/**
 * The English words of the plan report and summary.md (see {@link ReportMessages}).
 * @module
 */
import type { ReportMessages } from "./report.ts";

/** The report words in English. */
export const REPORT_EN: ReportMessages = {
  title: "School plan",
  generatedBy: "Made with school-layout.",
  sections: {
    headline: "The plan at a glance",
    maps: "Maps",
    reasons: "Why no plan meets the rules",
    tradeoff: "Trade-off: cost against mean travel",
    costs: "Annual cost, yuan per year",
    access: "Access: one-way travel by level",
    equity: "Equity of access",
    schools: "Schools: seats and utilization by level",
    actions: "Actions",
    smallSchools: "Small schools in the plan (小规模学校)",
    splitSettlements: "Split settlements",
    schoolTable: "Schools, one by one",
    townships: "Townships",
    balance: "Quality balance (优质均衡, 教督〔2017〕6号)",
    violations: "Norm violations",
    rules: "Rules in force",
    sources: "Data, sources and assumptions",
  },
  status: ({ status, hasPlan, objective, gap, heuristic }) => {
    const what = objective === "cost" ? "least annual cost" : "least mean travel time";
    const within = gap === null ? "without a proven bound on how far it is from the best possible (not proven best)" : `within ${gap} of the best possible by the solver's proven bound (not proven best)`;
    const fromHeuristic = heuristic ? " It is the heuristic's plan (construction and local search): the solver found none better in the time." : "";
    switch (status) {
      case "optimal":
        return `Optimal: the solver proved this plan has the ${what} under the rules (gap 0).`;
      case "feasible":
        return `A feasible plan, the best found: ${within}.${fromHeuristic}`;
      case "timeLimit":
        return hasPlan ? `Stopped at the time limit with a plan: the best found is ${within}.${fromHeuristic}` : "Stopped at the time limit before any plan was found: try a longer time limit.";
      case "aborted":
        return hasPlan ? `Interrupted with a plan: the best found is ${within}.${fromHeuristic}` : "Interrupted before any plan was found.";
      case "infeasible":
        return "No plan meets the rules. The reasons below give the numbers.";
      case "unbounded":
        return "Unbounded: the model is malformed (the objective could improve without limit); no plan.";
    }
  },
  objective: (kind, value, bound) =>
    kind === "cost"
      ? `Objective: least annual cost, ${value} yuan per year${bound === null ? "" : ` (proven bound ${bound})`}.`
      : `Objective: least mean travel, ${value} minutes one way${bound === null ? "" : ` (proven bound ${bound})`}.`,
  solvedBy: (solver, seconds, variables, constraints, nodes) =>
    `Solved by ${solver} in ${seconds} s (${variables} variables, ${constraints} constraints${nodes === null ? "" : `, ${nodes} branch-and-bound ${nodes === "1" ? "node" : "nodes"}`}).`,
  notEvaluated: (reason) => `Some figures could not be computed, because a layout holds a value that is not a number: ${reason}.`,
  noSolve: (seconds) => `No solve was needed (${seconds} s): the rules were found to fail before solving.`,
  headline: {
    figure: "figure",
    plan: "plan",
    statusQuo: "status quo",
    change: "change",
    cost: "annual cost (yuan/yr)",
    meanTrip: "mean one-way trip (min)",
    openSchools: "open schools",
    closed: "schools closed",
    built: "schools built",
    expanded: "schools expanded",
    boarders: "boarders",
    smallSchools: "small schools (< 100 pupils)",
    gap: "proven gap of the plan",
    violations: "norm violations",
  },
  costItems: {
    schools: "running the open schools",
    newSchools: "new schools (annualised)",
    closures: "closures",
    classes: "classes",
    classrooms: "added classrooms (annualised)",
    beds: "added beds (annualised)",
    boarders: "boarders",
    transport: "transport (time value and fares)",
    total: "total",
  },
  costs: {
    item: "item",
    note:
      "The status quo is the existing schools as they are, each settlement and level at its nearest existing school serving it (day pupils within the day limit, boarders beyond it where boarding is allowed), scored like a plan but as built: no classroom or bed is added, so a school with more classes than classrooms, or more boarders than beds, is overcrowded (a norm violation below) and costs nothing to build. The cost figures are illustrative defaults unless the plan set its own.",
  },
  access: {
    level: "level",
    layout: "layout",
    pupils: "pupils",
    mean: "mean (min)",
    median: "median (min)",
    p90: "90th pct (min)",
    max: "longest (min)",
    dayLimit: "day limit (min)",
    withinLimit: "within limit",
    boarders: "boarders",
    boarderTrip: "boarders' weekly trip, mean (min)",
    unassigned: "without a school",
    note:
      "Pupil-weighted one-way trips of every assigned pupil: a day pupil's daily trip, a boarder's weekly trip. The 90th percentile is the shortest trip that at least 90 % of the pupils do not exceed. 'Within limit': day pupils within the day limit and boarders within the weekly limit.",
    township: "township",
    townshipNote: "Mean one-way trip per township and level, plan (status quo in brackets), minutes.",
    noLimit: "none",
  },
  equity: {
    gini: "Gini of travel time",
    theil: "Theil index of travel time",
    all: "all levels",
    note: "Pupil-weighted inequality of one-way minutes across pupils (0 = every pupil travels the same; Gini at most 1). Sources: Gini (1912); Theil (1967); as in Cowell, Measuring Inequality (2011).",
  },
  schools: {
    level: "level",
    open: "open schools",
    seats: "seats",
    pupils: "pupils",
    empty: "empty seats",
    utilization: "utilization",
    spread: "utilization, lowest – highest",
    perClass: "pupils per class",
    overNorm: "schools above the class-size norm",
    note: "Seats are whole classes × the class size of the level (GB 50099-2011 §3.0.1; teaching points 30).",
  },
  actions: {
    summary: (open, kept, expanded, closed, built) => `${open} schools open: ${kept} existing kept (${expanded} of them expanded), ${closed} closed, ${built} built.`,
    classrooms: (count) => `+${count} ${count === "1" ? "classroom" : "classrooms"}`,
    beds: (count) => `+${count} ${count === "1" ? "bed" : "beds"}`,
    none: "No school changes.",
  },
  smallSchools: {
    none: (threshold) => `None: every open school has at least ${threshold} pupils.`,
    intro: (threshold) => `Open schools with fewer than ${threshold} pupils (国办发〔2018〕27号): kept or built where the pupils of grades 1–3 need them within their day limit, or where the rules allow them.`,
  },
  splitSettlements: {
    intro: (threshold) => `A settlement with more than ${threshold} pupils of a level, or more than any school it may attend, may split between schools: in parts of at most one class each, whole parts per school, at most the number of schools shown, nearest first (a rule of school-layout, not a norm).`,
    settlement: "settlement",
    level: "level",
    pupils: "pupils",
    parts: "parts (pupils each)",
    maxShares: "most schools",
    shares: "schools: parts, minutes one way",
  },
  schoolTable: {
    id: "id",
    name: "name",
    type: "type",
    tier: "tier",
    township: "township",
    action: "action",
    pupils: "pupils",
    classes: "classes",
    boarders: "boarders",
    beds: "beds",
    utilization: "utilization",
    note: "Every school the plan keeps open, builds or closes; candidates not built are left out.",
  },
  townshipTable: {
    township: "township",
    settlements: "settlements",
    pupils: "pupils",
    open: "schools open",
    closed: "closed",
    built: "built",
    meanTrip: "mean trip (min)",
    statusQuoTrip: "status quo mean trip (min)",
    none: "(no township)",
  },
  balance: {
    intro:
      "The resource-allocation part of the county quality-balance evaluation (县域义务教育优质均衡发展督导评估办法, 教督〔2017〕6号): seven indicators per school against the primary / junior thresholds, a school passing with at least 6 of 7, and the enrolment-weighted coefficient of variation between schools (附件2) of each indicator at most 0.50 for primary and 0.45 for junior schools. Teaching points with fewer than 50 pupils are left out. A school's resources stay with it; a plan changes the pupils they serve.",
    missing: "The schools carry no resource totals (qualifiedTeachers, backboneTeachers, peArtTeachers, teachingFloorM2, sportsGroundM2, equipmentYuan, multimediaClassrooms), so the balance figures cannot be computed.",
    stage: { primary: "Primary (grades 1–6)", junior: "Junior secondary (grades 7–9)" },
    indicator: "indicator",
    threshold: "threshold",
    countyValue: "county value (plan)",
    cvStatusQuo: "CV, status quo",
    cvPlan: "CV, plan",
    limit: "CV limit",
    schoolsMeeting: "schools meeting (plan)",
    pass: "pass",
    fail: "fail",
    unknown: "unknown",
    stageResult: (stage, layout, counted, passing, result) => `${stage}, ${layout}: ${passing} of ${counted} counted schools meet at least 6 of 7 indicators; overall: ${result}.`,
  },
  violations: {
    rule: "rule",
    cases: "cases",
    example: "worst case",
    noneStatusQuo: "None: the current layout meets every rule.",
    nonePlan: "None: the plan meets every rule (checked independently by checkPlan).",
    statusQuoHeading: "The status quo",
    planHeading: "The plan",
  },
  rules: {
    intro: "Values as this plan used them: the national norms of the library's CHINA_NORMS (each with its source there) unless the plan overrode them.",
    level: "level",
    dayLimit: "day travel limit (min)",
    boardingLimit: "boarders' weekly trip limit (min)",
    mayBoard: "may board",
    classSize: "class size",
    noLimit: "no limit",
    items: {
      boardingFrom: (grade, teachingPointClass) => `Boarding from grade ${grade} (国办发〔2018〕27号); a teaching point's class holds ${teachingPointClass} pupils.`,
      maxSize: (list) => `Most pupils per school (教督〔2017〕6号): ${list}.`,
      minimum: (list) => (list === null ? "No minimum enrolment." : `Minimum enrolment of an unprotected open school: ${list}.`),
      small: (threshold) => `A school with fewer than ${threshold} pupils is a small school (小规模学校, 国办发〔2018〕27号).`,
      threeSchools: (on, beds) => `Township "three schools" (乡镇三所学校): ${on ? `on (each township keeps a central kindergarten, a central primary and a public boarding school of at least ${beds} beds)` : "off"}.`,
      catchments: (on, split) => `Catchments (one school per settlement and level): ${on ? `on; a settlement with more than ${split} pupils of a level may split` : "off"}.`,
      wholeClasses: (on) => `Whole classes: ${on ? "yes" : "no (fractional classes: a relaxation for screening)"}.`,
      limits: (budget, closures, meanTravel) => `Budget: ${budget === null ? "none" : `${budget} yuan per year`}; most closures: ${closures ?? "no limit"}; mean travel limit: ${meanTravel === null ? "none" : `${meanTravel} min`}.`,
    },
  },
  tradeoff: {
    intro: "Each point is the least-cost plan with mean one-way travel at most the limit (ε-constraint method), from the least-travel plan to the least-cost plan.",
    limit: "mean travel limit (min)",
    cost: "cost (yuan/yr)",
    travel: "mean travel (min)",
    open: "open schools",
    standing: "standing",
    optimal: "proven least cost",
    gap: (gap) => `best found, gap ${gap}`,
    noBound: "best found, no bound",
    noPlan: "no plan found",
    chartTitle: "Annual cost against mean one-way travel",
    xAxis: "mean one-way travel (min)",
    yAxis: "annual cost (million yuan)",
  },
  sources: {
    travel: (basis) => `Travel times: ${basis}.`,
    straightLine: "These are straight-line estimates with assumed speeds and detours, not road travel times.",
    costs: "Cost figures (yuan per year per school, class, boarder; annualised building; the value of pupils' travel time) are the library's illustrative defaults unless the plan gave its own: replace them with the county's.",
    norms: "Norms: CHINA_NORMS (GB 50099-2011, 建标109-2008, 国办发〔2012〕48号, 国办发〔2018〕27号, 教督〔2017〕6号, 校车安全管理条例), each value with its source and how well it was verified; overrides are named in the rules above.",
    withinArea: "A settlement stands for an area: pupils living where their school is still travel, counted as the mean trip within a disc of the settlement's area (2/3 of its radius).",
    notes: "Notes",
    data: "Data",
  },
  maps: {
    plan: "The plan: schools by action, settlements sized by pupils, assignment lines coloured by level.",
    statusQuo: "The status quo beside the plan.",
    travel: "Travel: settlements coloured by their pupils' mean one-way trip.",
    level: (level) => `One map per level: ${level}.`,
  },
};
