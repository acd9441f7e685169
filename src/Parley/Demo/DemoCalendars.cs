using Parley.Directory;

namespace Parley.Demo;

/// Public holidays of the two demo parties for 2015–2017 (the demo's traffic) and 2026 (live use), as
/// published by the US Office of Personnel Management and China's State Council, including China's
/// adjusted weekend working days.
public static class DemoCalendars
{
    public static IEnumerable<(DateOnly Date, CalendarDayKind Kind, string Name)> UnitedStates() =>
        Holidays(
            ("2015-01-01", "New Year's Day"), ("2015-01-19", "Martin Luther King Jr. Day"), ("2015-02-16", "Washington's Birthday"),
            ("2015-05-25", "Memorial Day"), ("2015-07-03", "Independence Day (observed)"), ("2015-09-07", "Labor Day"),
            ("2015-10-12", "Columbus Day"), ("2015-11-11", "Veterans Day"), ("2015-11-26", "Thanksgiving Day"), ("2015-12-25", "Christmas Day"),
            ("2016-01-01", "New Year's Day"), ("2016-01-18", "Martin Luther King Jr. Day"), ("2016-02-15", "Washington's Birthday"),
            ("2016-05-30", "Memorial Day"), ("2016-07-04", "Independence Day"), ("2016-09-05", "Labor Day"),
            ("2016-10-10", "Columbus Day"), ("2016-11-11", "Veterans Day"), ("2016-11-24", "Thanksgiving Day"), ("2016-12-26", "Christmas Day (observed)"),
            ("2017-01-02", "New Year's Day (observed)"), ("2017-01-16", "Martin Luther King Jr. Day"), ("2017-02-20", "Washington's Birthday"),
            ("2017-05-29", "Memorial Day"), ("2017-07-04", "Independence Day"), ("2017-09-04", "Labor Day"),
            ("2017-10-09", "Columbus Day"), ("2017-11-10", "Veterans Day (observed)"), ("2017-11-23", "Thanksgiving Day"), ("2017-12-25", "Christmas Day"),
            ("2026-01-01", "New Year's Day"), ("2026-01-19", "Martin Luther King Jr. Day"), ("2026-02-16", "Washington's Birthday"),
            ("2026-05-25", "Memorial Day"), ("2026-06-19", "Juneteenth"), ("2026-07-03", "Independence Day (observed)"), ("2026-09-07", "Labor Day"),
            ("2026-10-12", "Columbus Day"), ("2026-11-11", "Veterans Day"), ("2026-11-26", "Thanksgiving Day"), ("2026-12-25", "Christmas Day"));

    public static IEnumerable<(DateOnly Date, CalendarDayKind Kind, string Name)> China() =>
        Range("2015-01-01", "2015-01-03", "New Year").Concat(Work("2015-01-04", "New Year"))
        .Concat(Range("2015-02-18", "2015-02-24", "Spring Festival")).Concat(Work("2015-02-15", "Spring Festival")).Concat(Work("2015-02-28", "Spring Festival"))
        .Concat(Range("2015-04-04", "2015-04-06", "Qingming")).Concat(Range("2015-05-01", "2015-05-03", "Labour Day"))
        .Concat(Range("2015-06-20", "2015-06-22", "Dragon Boat Festival"))
        .Concat(Range("2015-09-03", "2015-09-05", "Victory Day anniversary")).Concat(Work("2015-09-06", "Victory Day anniversary"))
        .Concat(Range("2015-09-26", "2015-09-27", "Mid-Autumn Festival"))
        .Concat(Range("2015-10-01", "2015-10-07", "National Day")).Concat(Work("2015-10-10", "National Day"))
        .Concat(Range("2016-01-01", "2016-01-03", "New Year"))
        .Concat(Range("2016-02-07", "2016-02-13", "Spring Festival")).Concat(Work("2016-02-06", "Spring Festival")).Concat(Work("2016-02-14", "Spring Festival"))
        .Concat(Range("2016-04-02", "2016-04-04", "Qingming")).Concat(Range("2016-04-30", "2016-05-02", "Labour Day"))
        .Concat(Range("2016-06-09", "2016-06-11", "Dragon Boat Festival")).Concat(Work("2016-06-12", "Dragon Boat Festival"))
        .Concat(Range("2016-09-15", "2016-09-17", "Mid-Autumn Festival")).Concat(Work("2016-09-18", "Mid-Autumn Festival"))
        .Concat(Range("2016-10-01", "2016-10-07", "National Day")).Concat(Work("2016-10-08", "National Day")).Concat(Work("2016-10-09", "National Day"))
        .Concat(Range("2016-12-31", "2017-01-02", "New Year"))
        .Concat(Range("2017-01-27", "2017-02-02", "Spring Festival")).Concat(Work("2017-01-22", "Spring Festival")).Concat(Work("2017-02-04", "Spring Festival"))
        .Concat(Range("2017-04-02", "2017-04-04", "Qingming")).Concat(Work("2017-04-01", "Qingming"))
        .Concat(Range("2017-04-29", "2017-05-01", "Labour Day"))
        .Concat(Range("2017-05-28", "2017-05-30", "Dragon Boat Festival")).Concat(Work("2017-05-27", "Dragon Boat Festival"))
        .Concat(Range("2017-10-01", "2017-10-08", "National Day and Mid-Autumn")).Concat(Work("2017-09-30", "National Day"))
        .Concat(Range("2026-01-01", "2026-01-03", "New Year")).Concat(Work("2026-01-04", "New Year"))
        .Concat(Range("2026-02-15", "2026-02-23", "Spring Festival")).Concat(Work("2026-02-14", "Spring Festival")).Concat(Work("2026-02-28", "Spring Festival"))
        .Concat(Range("2026-04-04", "2026-04-06", "Qingming")).Concat(Range("2026-05-01", "2026-05-05", "Labour Day")).Concat(Work("2026-05-09", "Labour Day"))
        .Concat(Range("2026-06-19", "2026-06-21", "Dragon Boat Festival")).Concat(Range("2026-09-25", "2026-09-27", "Mid-Autumn Festival"))
        .Concat(Range("2026-10-01", "2026-10-07", "National Day")).Concat(Work("2026-09-20", "National Day")).Concat(Work("2026-10-10", "National Day"));

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<(DateOnly, CalendarDayKind, string)> Holidays(params (string Date, string Name)[] days) =>
        days.Select(d => (D(d.Date), CalendarDayKind.Holiday, d.Name));

    private static IEnumerable<(DateOnly, CalendarDayKind, string)> Range(string from, string to, string name)
    {
        for (var d = D(from); d <= D(to); d = d.AddDays(1))
            yield return (d, CalendarDayKind.Holiday, name);
    }

    private static IEnumerable<(DateOnly, CalendarDayKind, string)> Work(string date, string name) =>
        [(D(date), CalendarDayKind.WorkingDay, $"Working day ({name})")];
}
