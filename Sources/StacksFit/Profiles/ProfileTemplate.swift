/// The commented template `stacksfit profile init` prints: every field of stacksfit's YAML profile.
public enum ProfileTemplate {
    public static let yaml = """
# stacksfit profile — one candidate
name: Maya Okafor
goal: technical          # optional: technical | user — the side of the divide you want to move toward
degrees:
  - title: MLIS                     # MLIS, MLS, MSIS, MA History, BA English, ...
    institution: Riverbend University iSchool
    alaAccredited: true             # optional
    status: in-progress             # completed | in-progress
    date: 2027-05                   # completed: when; in-progress: expected
coursework:
  - title: Reference Sources and Services
    code: LIS 510                   # optional
    level: core                     # optional: introductory | core | advanced
    term: Fall 2025                 # optional, free text
    description: Reference interview, print and online sources, chat reference.   # optional
    skills: [reference interview, LibAnswers]     # optional: explicit skills
experience:
  - title: Cataloging Assistant
    organization: Northfield College Library
    kind: paraprofessional          # professional | paraprofessional | internship | practicum | volunteer
    start: 2024-01                  # YYYY, YYYY-MM or YYYY-MM-DD
    end: present                    # a date, or present
    hoursPerWeek: 20                # optional
    duties:
      - Copy cataloging of print monographs in OCLC Connexion using RDA and MARC 21
      - Maintains authority records and fixes headings after LCSH updates
skills: [MarcEdit, Excel]           # optional: extra skills
languages: [Spanish]                # optional
"""
}
