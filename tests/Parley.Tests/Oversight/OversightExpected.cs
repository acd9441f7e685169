namespace Parley.Tests.Oversight;

/// The report of <see cref="OversightScenario"/> for 2026-01-05 to 2026-01-31, every figure worked out by hand.
/// Percentiles are nearest-rank: value at rank ⌈p/100 · N⌉ of the sorted values.
public static class OversightExpected
{
    public const string UsToCn = """
    {
      "direction": "US-CN", "requesting": "US", "responding": "CN",
      // A, B, C, D, E, F, G
      "requests": { "total": 7,
        "byKind": { "information": 3 /* A C F */, "preservation": 1 /* D */, "mitigation": 1 /* B */, "investigative-assistance": 1 /* G */, "notification": 1 /* E */ },
        "byPriority": { "urgent": 4 /* A B C G */, "high": 2 /* D F */, "routine": 1 /* E */ } },
      "timings": [
        // urgent, calendar hours. ack: A 2, B 6, C 1, G 1 → [1,1,2,6]: median rank ⌈2⌉=2 → 1, p90 rank ⌈3.6⌉=4 → 6
        // first: A 10 (partial), B 20, C 40−10 pause = 30; G answered after E → [10,20,30]: rank ⌈1.5⌉=2 → 20, rank ⌈2.7⌉=3 → 30
        // final: A 30, B 20, C 30 → [20,30,30]: 30, 30
        { "priority": "urgent", "clock": "calendar",
          "acknowledge": { "count": 4, "median": 1, "p90": 6 },
          "firstAnswer": { "count": 3, "median": 20, "p90": 30 },
          "finalAnswer": { "count": 3, "median": 30, "p90": 30 } },
        // high, CN business hours. ack: D 2 (Fri 16–17 + Mon 9–10 Shanghai; 66 calendar hours), F 2 → [2,2]
        // first = final: D 1 + 8 + 2 = 11; F never answered
        { "priority": "high", "clock": "business",
          "acknowledge": { "count": 2, "median": 2, "p90": 2 },
          "firstAnswer": { "count": 1, "median": 11, "p90": 11 },
          "finalAnswer": { "count": 1, "median": 11, "p90": 11 } },
        // routine: E never acknowledged
        { "priority": "routine", "clock": "business",
          "acknowledge": { "count": 0, "median": null, "p90": null },
          "firstAnswer": { "count": 0, "median": null, "p90": null },
          "finalAnswer": { "count": 0, "median": null, "p90": null } }
      ],
      "targets": [
        // met A C D F G; missed B (6 h > 4 h) and E (due Wed 01-28 02:00Z) → 5/7 = 0.714285… → 0.7143
        { "deadline": "acknowledge", "met": 5, "missed": 2, "shareWithinTarget": 0.7143 },
        // met A B D; missed C (due +34 h, answered +40 h), F (due 01-15), G (due 01-31 20:00Z, answered after E); E undecided → 3/6
        { "deadline": "first-answer", "met": 3, "missed": 3, "shareWithinTarget": 0.5 },
        // met A B C D; missed F (due 01-26 03:00Z); E and G undecided → 4/5
        { "deadline": "final-answer", "met": 4, "missed": 1, "shareWithinTarget": 0.8 }
      ],
      "missed": { "total": 6, "byDeadline": { "acknowledge": 2, "first-answer": 3, "final-answer": 1 } },
      "escalations": { "total": 4 /* A B C F; Old's is before the period */,
        "byCause": { "missed-deadline": 2 /* B F */, "manual": 2 /* A C */ },
        "byLevel": [
          // A 4 h, B 1.5 h → [1.5, 4]: median rank 1 → 1.5, p90 rank ⌈1.8⌉=2 → 4
          { "level": 1, "name": "Desk", "reached": 2, "acknowledged": 2, "medianHoursToAcknowledge": 1.5, "p90HoursToAcknowledge": 4 },
          // C: level 2 reached 12:00, acknowledged 15:00
          { "level": 2, "name": "Agency supervisor", "reached": 1, "acknowledged": 1, "medianHoursToAcknowledge": 3, "p90HoursToAcknowledge": 3 },
          // F: not acknowledged
          { "level": 3, "name": "Hotline co-chairs", "reached": 1, "acknowledged": 0, "medianHoursToAcknowledge": null, "p90HoursToAcknowledge": null }
        ] },
      // A 5/4/3 information-provided, B 2/3/1 nothing-usable, C 4/4/4 mitigation-confirmed (Done's rating is before the period)
      // completeness 11/3 = 3.667, relevance 11/3 = 3.667, actionability 8/3 = 2.667, overall 30/9 = 3.333
      "quality": { "ratings": 3,
        "averages": { "completeness": 3.667, "relevance": 3.667, "actionability": 2.667, "overall": 3.333 },
        "histogram": { "completeness": [0, 1, 0, 1, 1], "relevance": [0, 0, 1, 2, 0], "actionability": [1, 0, 1, 1, 0] },
        "outcomes": { "information-provided": 1, "mitigation-confirmed": 1, "nothing-usable": 1 } },
      // open at E = 2026-02-01T00:00Z: G 1.2 d, E 5.9 d, F 19.9 d, Mid 47.4 d, Old 117.4 d (A B C D and Done answered before E)
      "backlog": { "total": 5, "byAge": { "under-7-days": 2, "7-to-30-days": 1, "30-to-90-days": 1, "over-90-days": 1 } }
    }
    """;

    public const string CnToUs = """
    {
      "direction": "CN-US", "requesting": "CN", "responding": "US",
      "requests": { "total": 2,
        "byKind": { "information": 1 /* I */, "preservation": 0, "mitigation": 1 /* H */, "investigative-assistance": 0, "notification": 0 },
        "byPriority": { "urgent": 1, "high": 1, "routine": 0 } },
      "timings": [
        // I: ack 3 h, partial 5 h, final 50 h
        { "priority": "urgent", "clock": "calendar",
          "acknowledge": { "count": 1, "median": 3, "p90": 3 },
          "firstAnswer": { "count": 1, "median": 5, "p90": 5 },
          "finalAnswer": { "count": 1, "median": 50, "p90": 50 } },
        // H, US business hours: ack Fri 16–17 + Mon 9–10:30 New York = 2.5; final Fri 1 + Mon 9–15 = 7
        { "priority": "high", "clock": "business",
          "acknowledge": { "count": 1, "median": 2.5, "p90": 2.5 },
          "firstAnswer": { "count": 1, "median": 7, "p90": 7 },
          "finalAnswer": { "count": 1, "median": 7, "p90": 7 } },
        { "priority": "routine", "clock": "business",
          "acknowledge": { "count": 0, "median": null, "p90": null },
          "firstAnswer": { "count": 0, "median": null, "p90": null },
          "finalAnswer": { "count": 0, "median": null, "p90": null } }
      ],
      "targets": [
        { "deadline": "acknowledge", "met": 2, "missed": 0, "shareWithinTarget": 1 },
        { "deadline": "first-answer", "met": 2, "missed": 0, "shareWithinTarget": 1 },
        { "deadline": "final-answer", "met": 2, "missed": 0, "shareWithinTarget": 1 }
      ],
      "missed": { "total": 0, "byDeadline": { "acknowledge": 0, "first-answer": 0, "final-answer": 0 } },
      "escalations": { "total": 1, "byCause": { "missed-deadline": 0, "manual": 1 },
        "byLevel": [
          { "level": 1, "name": "Desk", "reached": 1, "acknowledged": 1, "medianHoursToAcknowledge": 0.5, "p90HoursToAcknowledge": 0.5 },
          { "level": 2, "name": "Agency supervisor", "reached": 0, "acknowledged": 0, "medianHoursToAcknowledge": null, "p90HoursToAcknowledge": null },
          { "level": 3, "name": "Hotline co-chairs", "reached": 0, "acknowledged": 0, "medianHoursToAcknowledge": null, "p90HoursToAcknowledge": null }
        ] },
      // H 3/5/2 information-provided, I 4/4/5 mitigation-confirmed: 7/2 = 3.5, 9/2 = 4.5, 7/2 = 3.5, overall 23/6 = 3.833
      "quality": { "ratings": 2,
        "averages": { "completeness": 3.5, "relevance": 4.5, "actionability": 3.5, "overall": 3.833 },
        "histogram": { "completeness": [0, 0, 1, 1, 0], "relevance": [0, 0, 0, 1, 1], "actionability": [0, 1, 0, 0, 1] },
        "outcomes": { "information-provided": 1, "mitigation-confirmed": 1, "nothing-usable": 0 } },
      "backlog": { "total": 0, "byAge": { "under-7-days": 0, "7-to-30-days": 0, "30-to-90-days": 0, "over-90-days": 0 } }
    }
    """;

    // Sessions opened 01-08 (both after 0.75 h, resolved), 01-15 (both after 2 h, partly resolved), 01-20 (CN never, open);
    // the one of 2025-12-20 is before the period. [0.75, 2]: median 0.75, p90 rank 2 → 2.
    public const string Hotline = """
    { "sessions": 3, "byOutcome": { "resolved": 1, "partly-resolved": 1, "unresolved": 0, "referred": 0, "open": 1 },
      "bothSidesAcknowledged": 2, "medianHoursToBothAcknowledged": 0.75, "p90HoursToBothAcknowledged": 2 }
    """;

    // Checks of 01-07 and 01-21 (the one of 2025-11-01 is before the period).
    // US: FBI desk on time twice, FBI duty late, DHS desk never → 2/4 on time, 3/4 answered.
    // CN: MPS desk on time twice, MPS duty on time, MSS desk late then pending → 3/4 decided on time, 4/4 answered.
    public const string Checks = """
    [ { "party": "US", "pings": 4, "onTime": 2, "late": 1, "never": 1, "pending": 0, "shareOnTime": 0.5, "shareAnswered": 0.75 },
      { "party": "CN", "pings": 5, "onTime": 3, "late": 1, "never": 0, "pending": 1, "shareOnTime": 0.75, "shareAnswered": 1 } ]
    """;
}
