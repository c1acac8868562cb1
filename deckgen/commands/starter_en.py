"""The English starter content of ``deckgen init`` and ``deckgen new`` (any locale whose language
is not German): the same keys and slides as the German one, with English texts to replace."""

from __future__ import annotations

SETTINGS = """\
# yaml-language-server: $schema=schemas/settings.schema.json
# deckgen.yaml: what every department deck shares. `deckgen --help` and the README explain it.
organisation:
  name: Example Ltd            # the deck's author
  short_name: Example          # in every footer
title: Social media, together
subtitle: "{{ department.name }} · {{ date }}"
theme: modern                  # modern, agency, dark, or a folder in themes/
locale: en                     # language and region of built-in words, dates and numbers
output: build
variables:
  launch: spring
duration: 30                   # minutes a talk may take; the build warns about a longer one
outline:                       # the sections every deck has, in order
  - title
  - section: agenda
    notes: Say briefly what is coming and that there will be time for questions at the end.
  - section: why
    header: true
  - benefits
  - concerns
  - examples
  - metrics
  - next_steps
  - contact
"""

SHARED = """\
# yaml-language-server: $schema=../schemas/shared.schema.json
# What every department hears. Each section here can be named in the outline of deckgen.yaml.
sections:
  why:
    title: Why we are going on social media
    notes: Set the scene before we come to the department.
    slides:
      - kind: bullets
        title: Our goals
        points:
          - Keep customers informed faster
          - Become visible as an employer
          - text: On our channels from {{ vars.launch }}
            points: [Instagram, LinkedIn]
        notes: Name the company goals that the goals of the channels follow from.
contact:
  name: First name Last name
  role: Social media management
  email: social@example.org
"""

DEPARTMENTS = {"sales": "Sales", "hr": "Human Resources"}


def department_text(name: str, quoted_name: str) -> str:
    """A department file with every section, a comment on each key, and texts to replace."""
    return f"""\
# yaml-language-server: $schema=../../schemas/department.schema.json
# One department's deck. Replace the texts; delete what you do not need (optional keys say so).
name: {quoted_name}                         # the department's name, {{{{ department.name }}}}
audience: Everyone in the department          # who sits in the room
# presenter: First name Last name             # optional: who presents
notes: |                                      # speaker notes of the title slide
  Welcome, and why we are talking to {{{{ department.name }}}} today.

benefits:                                     # what the department gains; 4 or more are good
  - title: First benefit
    text: A sentence that explains the benefit.
    figure: {{value: "+20 %", label: "a figure that shows it"}}   # optional
    notes: What I say about it.
  - title: Second benefit
    text: A sentence that explains the benefit.
    figure: {{value: "2x", label: "another figure"}}

concerns:                                     # one slide each; take every concern seriously
  - concern: "This only makes more work for us."
    answer: "Our honest answer, in concrete terms: who does what and how much time it takes."
    notes: What I say about it.

examples:                                     # what others do, and what it brings them
  - title: An example from the region
    did: [What they do]
    results: [What it brings them]
    notes: Where the example comes from.

metrics:                                      # how success is measured
  figures:                                    # 1 to 4 key figures
    - {{value: "500", label: followers after one year}}
    - {{value: "4 h", label: response time on working days}}
  notes: These are goals that we review after six months.
  charts:                                     # native charts: column, bar, line or pie
    - title: Goal per quarter
      type: column
      categories: [Q1, Q2, Q3, Q4]
      series:
        - name: Enquiries
          values: [10, 20, 30, 40]
      alt: Column chart of the enquiries we aim for, from 10 in Q1 to 40 in Q4
      notes: It will start slowly.

next_steps:                                   # what happens next; who and when are optional
  - step: Name a contact person
    who: Head of department
    when: next month
    notes: Ask for a commitment.

contact:                                      # optional; else the contact of shared.yaml
  name: First name Last name
  role: Social media management
  email: social@example.org
  notes: Collect questions.

# add:                                        # optional: extra slides at a place in the outline
#   - after: concerns
#     slides:
#       - kind: bullets
#         title: One more thing
#         points: [A point]
# override:                                   # optional: replace a shared section
#   why:
#     title: Why we do this
#     slides: [...]
# skip: [examples]                            # optional: leave sections out
"""
