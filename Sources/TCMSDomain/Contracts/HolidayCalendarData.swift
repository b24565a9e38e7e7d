// The embedded holiday calendar of WorkingDayCalendar. An operator can replace it with a file
// of the same format through `WorkingDayCalendar.load(path:)`.

extension WorkingDayCalendar {
    /// The embedded calendar as TSV: comment lines starting with `#`, the header
    /// `date kind name`, then one row per adjusted day.
    public static let embeddedTSV = #"""
# NOTE: 2025 is taken from 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号,
# 2024-11-12) and 2026 from 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04). 2027 is
# missing because its notice was not at hand; until its rows are added, days in 2027 count
# Monday to Friday as working days and deadlines there are marked as estimates.
# An operator can replace this file with one of the same format: lines starting with # are
# comments, then the header, then date (YYYY-MM-DD), kind (holiday or workday) and name.
date	kind	name
2025-01-01	holiday	元旦
2025-01-26	workday	春节调休上班
2025-01-28	holiday	春节
2025-01-29	holiday	春节
2025-01-30	holiday	春节
2025-01-31	holiday	春节
2025-02-01	holiday	春节
2025-02-02	holiday	春节
2025-02-03	holiday	春节
2025-02-04	holiday	春节
2025-02-08	workday	春节调休上班
2025-04-04	holiday	清明节
2025-04-05	holiday	清明节
2025-04-06	holiday	清明节
2025-04-27	workday	劳动节调休上班
2025-05-01	holiday	劳动节
2025-05-02	holiday	劳动节
2025-05-03	holiday	劳动节
2025-05-04	holiday	劳动节
2025-05-05	holiday	劳动节
2025-05-31	holiday	端午节
2025-06-01	holiday	端午节
2025-06-02	holiday	端午节
2025-09-28	workday	国庆节调休上班
2025-10-01	holiday	国庆节、中秋节
2025-10-02	holiday	国庆节、中秋节
2025-10-03	holiday	国庆节、中秋节
2025-10-04	holiday	国庆节、中秋节
2025-10-05	holiday	国庆节、中秋节
2025-10-06	holiday	国庆节、中秋节
2025-10-07	holiday	国庆节、中秋节
2025-10-08	holiday	国庆节、中秋节
2025-10-11	workday	国庆节调休上班
2026-01-01	holiday	元旦
2026-01-02	holiday	元旦
2026-01-03	holiday	元旦
2026-01-04	workday	元旦调休上班
2026-02-14	workday	春节调休上班
2026-02-15	holiday	春节
2026-02-16	holiday	春节
2026-02-17	holiday	春节
2026-02-18	holiday	春节
2026-02-19	holiday	春节
2026-02-20	holiday	春节
2026-02-21	holiday	春节
2026-02-22	holiday	春节
2026-02-23	holiday	春节
2026-02-28	workday	春节调休上班
2026-04-04	holiday	清明节
2026-04-05	holiday	清明节
2026-04-06	holiday	清明节
2026-05-01	holiday	劳动节
2026-05-02	holiday	劳动节
2026-05-03	holiday	劳动节
2026-05-04	holiday	劳动节
2026-05-05	holiday	劳动节
2026-05-09	workday	劳动节调休上班
2026-06-19	holiday	端午节
2026-06-20	holiday	端午节
2026-06-21	holiday	端午节
2026-09-20	workday	国庆节调休上班
2026-09-25	holiday	中秋节
2026-09-26	holiday	中秋节
2026-09-27	holiday	中秋节
2026-10-01	holiday	国庆节
2026-10-02	holiday	国庆节
2026-10-03	holiday	国庆节
2026-10-04	holiday	国庆节
2026-10-05	holiday	国庆节
2026-10-06	holiday	国庆节
2026-10-07	holiday	国庆节
2026-10-10	workday	国庆节调休上班

"""#
}
