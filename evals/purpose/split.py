"""Draw the locked test set of evals/purpose/statements.yaml.

Run once after labelling:  python evals/purpose/split.py
Writes evals/purpose/split.yaml with `dev: [ids]`, `test: [ids]` and `retired_test: [ids]`.

Version 2 (2026-12-03, eighth session): version 1's test part was scored several times and its
failures had to be read to make the rules generalise, so a fresh batch of statements (ids `pb…`,
organisations new to the set, collected and labelled blind to the checker) was collected first and
made the test part; version 1's test part was then retired into dev (`retired_test`).

Version 3 (2026-12-03, ninth session): the same again. Batch 3 (ids `pc…`, organisations new to the
set and to the charter corpus) was collected blind from 03:35 and is the test part; batch 2 (version
2's test part, scored once) was retired into dev after that collection began, and its failures read.

Version 4 (2026-12-03, ninth session, later): batch 3 was scored once (0.76 / 0.82 / 0.95); batch 4
(ids `pd…`, organisations new to the set) was collected blind from 04:00 and is the test part; batch 3
was retired into dev after that collection began, and its failures read.

Version 5 (2026-12-03, tenth session): batch 4 was scored once (0.80 / 0.84 / 0.95); batch 5 (ids
`pe…`, organisations new to the set) was collected blind from 07:05 and is the test part; batch 4 was
retired into dev after that collection began, and its failures read.

Version 6 (2026-12-03, tenth session, later): batch 5 was scored once (0.89 / 0.80 / 0.99); batch 6
(63 statements, ids `pf…`, organisations new to the set; four of Missing Maps, already in the set,
dropped) was collected blind from 07:40 and is the test part; batch 5 was retired into dev after that
collection began, and its failures read. Batch 6 scored once: 0.79 / 0.89 / 0.92.

Version 7 (2026-12-04, eighteenth session): batch 7 (ids `pg…`, organisations new to the set, two
collectors blind to the checker) was collected from 12:00 and is the test part; batch 6 was retired
into dev after that collection began, and its failures read. Batch 7 (72 statements: 37 from
collector a, 25 of them purpose clauses of US federal programmes and partnerships in the US Code,
and 35 from collector b, mostly standards and intergovernmental bodies) scored once: 0.68 / 0.88 /
0.97 (majority 0.68 / 0.57 / 0.83; dev 0.94 / 0.94 / 0.99).

Version 8 (2026-12-04, nineteenth session): batch 8 (ids `ph…`, organisations new to the set, two
collectors blind to the checker) was collected from 14:25 and is the test part; batch 7 was retired
into dev after that collection began, and its failures read (f37cdbf). Batch 8: 72 statements, 36
from collector a (community, education, environment, public health, philanthropy; 21 are US federal
bodies' texts) and 36 from collector b (open source, civic tech, standards, research). Scored once:
0.83 / 0.81 / 0.94 (majority 0.62 / 0.62 / 0.82; dev 0.93 / 0.94 / 0.99).

Version 9 (2026-12-04, twentieth session): batch 9 (ids `pi…`, organisations new to the set, two
collectors blind to the checker) was collected in the nineteenth session and staged outside the set
until batch 8 had been retired into dev and its failures read (13ffcb4); it is the test part.
Batch 9: 69 statements from 40 organisations. Scored once: 0.75 / 0.81 / 0.94 (majority 0.58 / 0.64 /
0.75; dev 0.93 / 0.93 / 0.99).

Version 10 (2026-12-04, twenty-first session): batch 10 (ids `pj…`, organisations new to the set, two
collectors blind to the checker) was collected in the twentieth session and staged outside the set
until batch 9 had been retired into dev and its failures read (32a6919); it is the test part.
Batch 10: 86 statements from 58 organisations. Scored once: 0.72 / 0.83 / 0.94 (majority 0.70 / 0.72 /
0.92; dev 0.93 / 0.94 / 0.99).

Version 11 (2026-12-04, twenty-first session, later): batch 11 (ids `pk…`, organisations new to the
set, two collectors blind to the checker) was collected while batch 10 was the test part and staged
outside the set until batch 10 had been retired into dev and its failures read (c3f8d8f); it is the
test part. Batch 11: 68 statements from 40 organisations. Scored once: 0.74 / 0.85 / 0.96 (majority
0.65 / 0.60 / 0.90; dev 0.92 / 0.93 / 0.99).

Version 12 (2026-12-04, twenty-second session): batch 12 (ids `pl…`, organisations new to the set, two
collectors blind to the checker) was collected in the twenty-first session and staged outside the set
until batch 11 had been retired into dev and its failures read (27fbd6d); it is the test part.
Batch 12: 42 statements from 18 organisations. Scored once: 0.74 / 0.79 / 1.00 (majority 0.62 / 0.62 /
0.86; dev 0.92 / 0.93 / 0.99).

Version 13 (2026-12-04, twenty-third session): batch 13 (ids `pm…`, organisations new to the set, two
collectors blind to the checker, public-sector sources under open government licences among them) was
collected in the twenty-second session and staged outside the set until batch 12 had been retired into dev
and its failures read (d061b28); it is the test part. Batch 13: 69 statements from 23 organisations.
Scored once: 0.70 / 0.83 / 0.93 (majority 0.75 / 0.67 / 0.84; dev 0.92 / 0.93 / 0.99).

Version 14 (2026-12-04, twenty-third session, later): batch 14 (ids `pn…`, organisations new to the set,
two collectors blind to the checker) was collected while batch 13 was the test part and staged outside
the set until batch 13 had been retired into dev and its failures read (12c8c57); it is the test part.
Batch 14: 71 statements from 50 organisations. Scored once: 0.83 / 0.86 / 0.96 (majority 0.63 / 0.59 /
0.87; dev 0.91 / 0.93 / 0.99).

Version 15 (2026-12-04, twenty-third session, later): batch 15 (ids `po…`, organisations new to the set,
two collectors blind to the checker) was collected while batch 14 was the test part and kept out of the
set until batch 14 had been retired into dev and its failures read (fee8aff); it is the test part.
Batch 15: 74 statements from 44 organisations (23 are one directory's descriptions of King County
bodies). Scored once: 0.77 / 0.91 / 0.95 (majority 0.72 / 0.54 / 0.91; dev 0.92 / 0.94 / 0.99).

Version 16 (2026-12-05, twenty-fourth session): batch 16 (ids `pp…`, organisations new to the set, two
collectors blind to the checker) was collected while batch 15 was the test part and kept out of the set
until batch 15 had been retired into dev and its failures read (b8348fa); it is the test part. Batch 16:
68 statements from 55 organisations (17 from one repository, the US federal program inventory, were
capped to 8 by a seeded draw before any scoring). Scored once: 0.84 / 0.76 / 0.97 (majority 0.72 / 0.53 /
0.94; dev 0.91 / 0.94 / 0.99).

Version 17 (2026-12-05, twenty-fourth session, later): batch 17 (ids `pq…`, organisations new to the set,
two collectors blind to the checker, at most 8 statements per repository) was collected while batch 16
was the test part and kept out of the set until batch 16 had been retired into dev and its failures read
(808c78b); it is the test part. Batch 17: 74 statements from 40 organisations. Scored once: 0.84 /
0.76 / 0.92 (majority 0.77 / 0.57 / 0.92; dev 0.91 / 0.93 / 0.99).

Version 18 (2026-12-05, twenty-fourth session, later): batch 18 (ids `pr…`, organisations new to the set,
two collectors blind to the checker, at most 8 statements per repository) was collected while batch 17
was the test part and kept out of the set until batch 17 had been retired into dev and its failures read
(ae4f73f); batch 18 was scored once there: 0.78 / 0.81 / 0.90 (majority 0.79 / 0.63 / 0.86; dev 0.91 /
0.93 / 0.99). Batch 18: 73 statements from 42 organisations.

Version 19 (2026-12-05, twenty-fifth session): batch 19 (ids `pt…`, organisations new to the set, two
collectors blind to the checker, at most 8 statements per repository) was collected and staged while
batch 18 was the test part, and kept out of the set until batch 18 had been retired into dev and its
failures read (fe93097); batch 19 was scored once there: 0.83 / 0.83 / 0.99 (majority 0.73 / 0.61 /
0.90; dev 0.91 / 0.92 / 0.99). Batch 19: 71 statements from 38 organisations.

Version 20 (2026-12-05, twenty-fifth session, later): batch 20 (ids `pu…`, organisations new to the set,
two collectors blind to the checker, at most 8 statements per repository) was collected and staged while
batch 19 was the test part, and kept out of the set until batch 19 had been retired into dev and its
failures read (968d35f); batch 20 was scored once there: 0.79 / 0.80 / 0.97 (majority 0.80 / 0.83 /
0.91; dev 0.91 / 0.92 / 0.99). Batch 20: 70 statements from 35 organisations.

Version 21 (2026-12-05, twenty-sixth session): batches 21 and 22 together (ids `pv…` and `pw…`,
organisations new to the set, two collectors blind to the checker for each, at most 8 statements per
repository) are the test part. Batch 21 (37 statements from 17 organisations, collected after the shared
search budget was spent, with one outcome and no deadline) was staged while batch 20 was the test part;
batch 22 (74 statements from 33 organisations) was collected while batch 20 was still the test part; both
were kept out of the set until batch 20 had been retired into dev and its failures read (9ed23f8).
Batches 21 and 22 were scored once there: 0.80 / 0.80 / 0.99 (majority 0.74 / 0.57 / 0.93; dev 0.91 /
0.92 / 0.99).

Version 22 (2026-12-05, twenty-sixth session, later): batch 23 (ids `px…`, organisations new to the set,
two collectors blind to the checker, at most 8 statements per repository) was collected and staged while
batches 21 and 22 were the test part, and kept out of the set until they had been retired into dev and
their failures read (6214316). Batch 23: 72 statements from 37 organisations. Batch 23 was scored once
there: 0.67 / 0.74 / 0.97 (majority 0.56 / 0.60 / 0.93; dev 0.91 / 0.92 / 0.99).

Version 23 (2026-12-05, twenty-seventh session): batch 24 (ids `py…`, organisations new to the set, two
collectors blind to the checker, from repository snapshots on the machine) was collected and staged while
batch 23 was the test part, and kept out of the set until batch 23 had been retired into dev and its
failures read (8c3f460). Batch 24: 74 statements from 48 organisations. Batch 24 was scored once there:
0.82 / 0.82 / 0.97 (majority 0.85 / 0.66 / 0.91; dev 0.90 / 0.92 / 0.99).

Version 24 (2026-12-05, twenty-seventh session, later): batch 25 (ids `pz…`, organisations new to the set,
two collectors blind to the checker) was collected and staged while batch 23 was the test part and batch
24 staged, and kept out of the set until batch 24 had been retired into dev and its failures read
(9aea36b). Batch 25: 74 statements from 31 organisations. Batch 25 was scored once there: 0.80 / 0.86 /
0.99 (majority 0.66 / 0.50 / 0.92; dev 0.91 / 0.92 / 0.99).

Version 25 (2026-12-05, twenty-seventh session, later): batch 26 (ids `qa…`: the two-letter `p` prefixes
ran out; organisations new to the set, two collectors blind to the checker) was collected while batch 24
was the test part, and kept out of the set until batch 25 had been retired into dev and its failures read
(a1ff2ae). Batch 26: 73 statements from 31 organisations. Batch 26 was scored once there: 0.81 / 0.82 /
0.99 (majority 0.84 / 0.71 / 0.92; dev 0.90 / 0.92 / 0.99).

Version 26 (2026-12-05, twenty-seventh session, late): batch 27 (ids `qb…`, organisations new to the set,
two collectors blind to the checker, after the shared search budget was spent) was collected while batch
26 was the test part, and kept out of the set until batch 26 had been retired into dev and its failures
read (b3ffa3f). Batch 27: 70 statements from 34 organisations. Batch 27 was scored once there: 0.86 /
0.77 / 0.99 (majority 0.81 / 0.61 / 0.97; dev 0.90 / 0.92 / 0.99).

Version 27 (2026-12-05, twenty-eighth session): batch 28 (ids `qc…`, organisations new to the set, two
collectors blind to the checker, from repository snapshots on the machine) was collected while batch 27
was the test part, and kept out of the set until batch 27 had been retired into dev and its failures read
(c496d25). Batch 28: 68 statements from 43 organisations. Batch 28 was scored once there: 0.85 / 0.78 /
0.96 (majority 0.81 / 0.62 / 0.91; dev 0.91 / 0.92 / 0.99).

Version 28 (2026-12-05, twenty-eighth session, later): batch 29 (ids `qd…`, organisations new to the set,
two collectors blind to the checker) was collected while batch 28 was the test part, and kept out of the
set until batch 28 had been retired into dev and its failures read (ca86dfa). Batch 29: 72 statements
from 43 organisations. Batch 29 was scored once there: 0.83 / 0.86 / 0.99 (majority 0.67 / 0.53 / 0.85;
dev 0.91 / 0.92 / 0.99).

Version 29 (2026-12-05, twenty-eighth session, later): batch 30 (ids `qe…`, organisations new to the set,
two collectors blind to the checker) was collected while batch 29 was the test part, and kept out of the
set until batch 29 had been retired into dev and its failures read (f05c1ca). Batch 30: 73 statements
from 28 organisations. Batch 30 was scored once there: 0.84 / 0.90 / 0.96 (majority 0.85 / 0.68 / 0.95;
dev 0.91 / 0.92 / 0.99).

Version 30 (2026-12-05, twenty-eighth session, later): batch 31 (ids `qf…`, organisations new to the
set, two collectors blind to the checker, asked to prefer statements naming a result or a deadline where
the sources had them) was collected while batch 30 was the test part, and kept out of the set until
batch 30 had been retired into dev and its failures read (9d8ae96). Batch 31: 72 statements from 35
organisations. Batch 31 was scored once there: 0.78 / 0.82 / 0.99 (majority 0.71 / 0.78 / 0.96; dev 0.91
/ 0.92 / 0.99).

Version 31 (2026-12-05, twenty-eighth session, later): batch 32 (ids `qg…`, organisations new to the
set, two collectors blind to the checker) was collected while batch 31 was the test part, and kept out
of the set until batch 31 had been retired into dev and its failures read (7e0a11a). Batch 32: 69
statements from 41 organisations. Batch 32 was scored once there: 0.77 / 0.87 / 0.99 (majority 0.68 /
0.67 / 0.94; dev 0.90 / 0.92 / 0.99).

Version 32 (2026-12-05, twenty-ninth session): batch 33 (ids `qh…`, organisations new to the set, five
collectors blind to the checker: 23 statements late in the twenty-eighth session, 53 early in the
twenty-ninth) was collected while batch 32 was the test part, and kept out of the set until batch 32 had
been retired into dev and its failures read (6dc9e40). Batch 33: 76 statements from 45 organisations.
Batch 33 was scored once there: 0.80 / 0.80 / 0.97 (majority 0.80 / 0.57 / 0.89; dev 0.90 / 0.92 / 0.99).

Version 33 (2026-12-05, thirtieth session): batch 34 (ids `qi…`, organisations new to the set, three
collectors blind to the checker) was collected while batch 33 was the test part, and kept out of the set
until batch 33 had been retired into dev and its failures read (165d5a9). Batch 34: 53 statements from
31 organisations. Batch 34 was scored once there: 0.89 / 0.75 / 0.98 (majority 0.87 / 0.45 / 0.96; dev
0.90 / 0.92 / 0.99).

Version 34 (2026-12-05, thirty-first session): batch 35 (ids `qj…`, organisations new to the set, three
collectors blind to the checker) was collected while batch 34 was the test part, and kept out of the set
until batch 34 had been retired into dev and its failures read (ee984a8). Batch 35: 54 statements from
42 organisations. Batch 35 was scored once there: 0.83 / 0.85 / 0.91 (majority 0.65 / 0.35 / 0.94; dev
0.90 / 0.92 / 0.99).

Version 35 (2026-12-05, thirty-second session): batch 36 (ids `qk…`, organisations new to the set,
three collectors blind to the checker, two in the thirty-first session and one in the thirty-second)
was collected while batch 35 was the test part, and kept out of the set until batch 35 had been retired
into dev and its failures read (efa3705). Batch 36: 61 statements from 25 organisations. Batch 36 was
scored once there: 0.80 / 0.87 / 0.95 (majority 0.80 / 0.52 / 0.92; dev 0.90 / 0.92 / 0.99).

Version 36 (2026-12-06, thirty-third session): batch 37 (ids `ql…`, organisations new to the set, two
collectors blind to the checker, in the thirty-second session) was collected while batch 36 was the test
part, and kept out of the set until batch 36 had been retired into dev and its failures read (4e89ea6).
Batch 37: 52 statements from 28 organisations. Batch 37 was scored once there: 0.79 / 0.87 / 0.94
(majority 0.62 / 0.65 / 0.90; dev 0.90 / 0.92 / 0.99).

Version 37 (2026-12-06, thirty-fourth session): batch 38 (ids `qm…`, organisations new to the set, two
collectors blind to the checker, in the thirty-third session) was collected while batch 37 was the test
part, and kept out of the set until batch 37 had been retired into dev and its failures read (6729ee1).
Batch 38: 35 statements from 17 organisations. Batch 38 was scored once there: 0.80 / 0.80 / 1.00
(majority 0.74 / 0.40 / 0.94; dev 0.90 / 0.92 / 0.99).

Version 38 (2026-12-06, thirty-fourth session): batch 39 (ids `qn…`, organisations new to the set, two
collectors blind to the checker, early in the thirty-fourth session) was collected while batch 38 was the
test part, and kept out of the set until batch 38 had been retired into dev and its failures read
(7bb93ea). Batch 39: 58 statements from 35 organisations. Batch 39 was scored once there: 0.76 / 0.83 /
0.95 (majority 0.69 / 0.50 / 0.91; dev 0.90 / 0.92 / 0.99).

Version 39 (2026-12-06, thirty-fourth session): batch 40 (ids `qo…`, organisations new to the set, two
collectors blind to the checker, in the thirty-fourth session) was collected while batch 39 was the test
part, and kept out of the set until batch 39 had been retired into dev and its failures read (0abaafa).
Batch 40: 62 statements from 27 organisations. Batch 40 was scored once there: 0.74 / 0.73 / 0.87
(majority 0.66 / 0.65 / 0.92; dev 0.90 / 0.92 / 0.99).

Version 40 (2026-12-06, thirty-fifth session): batch 41 (ids `qp…`, organisations new to the set, two
collectors blind to the checker, early in the thirty-fifth session) was collected while batch 40 was the
test part, and kept out of the set until batch 40 had been retired into dev and its failures read
(37038e9). Batch 41: 56 statements from 24 organisations. Batch 41 was scored once there: 0.82 / 0.88 /
0.98 (majority 0.77 / 0.68 / 0.95; dev 0.90 / 0.92 / 0.99).

Version 41 (2026-12-06, thirty-fifth session): batch 42 (ids `qq…`, organisations new to the set, two
collectors blind to the checker, in the thirty-fifth session) was collected while batch 41 was the test
part, and kept out of the set until batch 41 had been retired into dev and its failures read (0b19e64);
it is the test part. Batch 42: 64 statements from 52 organisations. Batch 42 was scored once there:
0.75 / 0.80 / 0.98 (majority 0.84 / 0.52 / 0.95; dev 0.90 / 0.92 / 0.99).

Version 42 (2026-12-06, thirty-sixth session): batch 43 (ids `qr…`, organisations new to the set, two
collectors blind to the checker, at the end of the thirty-fifth session) was collected while batch 42 was
the test part, and kept out of the set until batch 42 had been retired into dev and its failures read
(13beec6). Batch 43: 25 statements from 8 organisations. Batch 43 was scored once there: 0.64 / 0.92 /
0.88 (majority 0.60 / 0.80 / 0.80; dev 0.90 / 0.92 / 0.99).

Version 43 (2026-12-06, thirty-seventh session): batch 44 (ids `qs…`, organisations new to the set, two
collectors blind to the checker, in the thirty-sixth session) was collected while batch 43 was the test
part, and kept out of the set until batch 43 had been retired into dev and its failures read (1d3d359);
it is the test part. Batch 44: 46 statements from 20 organisations. Scored once at 1d3d359: 0.76 / 0.89 /
0.89 (majority 0.70 / 0.74 / 0.91; dev 0.90 / 0.92 / 0.99).

Version 44 (2026-12-06, thirty-seventh session): batch 45 (ids `qt…`, organisations new to the set, two
collectors blind to the checker, at the end of the thirty-sixth session) was collected while batch 43 was
the test part (batch 44 staged), and kept out of the set until batch 44 had been retired into dev and its
failures read (90278a2); it is the test part. Batch 45: 46 statements from 24 organisations. Scored once at
90278a2: 0.83 / 0.91 / 1.00 (majority 0.80 / 0.80 / 1.00; dev 0.90 / 0.92 / 0.99).

Version 45 (2026-12-06, thirty-seventh session): batch 46 (ids `qu…`, organisations new to the set, two
collectors blind to the checker, late in the thirty-seventh session) was collected while batch 45 was the
test part, and kept out of the set until batch 45 had been retired into dev and its failures read
(13f433c); it is the test part. Batch 46: 41 statements from 21 organisations. Scored once at 13f433c:
0.88 / 0.90 / 1.00 (majority 0.85 / 0.83 / 1.00; dev 0.90 / 0.92 / 0.99).

Version 46 (2026-12-06, thirty-eighth session): batch 47 (ids `qv…`, organisations new to the set, two
collectors blind to the checker, late in the thirty-seventh session) was collected while batch 46 was the
test part, and kept out of the set until batch 46 had been retired into dev and its failures read
(3c91324); it is the test part. Batch 47: 36 statements from 14 organisations. Scored once at 3c91324:
0.92 / 0.86 / 1.00 (majority 0.92 / 0.81 / 0.94; dev 0.90 / 0.92 / 0.99).

Version 47 (2026-12-06, thirty-ninth session): batch 48 (ids `qw…`, organisations new to the set, two
collectors blind to the checker, in the thirty-eighth session) was collected while batch 47 was the
test part, and kept out of the set until batch 47 had been retired into dev and its failures read
(c5c9702); it is the test part. Batch 48: 36 statements from 20 organisations. Scored once at c5c9702:
0.78 / 0.94 / 1.00 (majority 0.69 / 0.86 / 0.94; dev 0.90 / 0.92 / 0.99).

Version 48 (2026-12-06, thirty-ninth session, later): batch 49 (ids `qx…`, organisations new to the set,
two collectors blind to the checker, early in the thirty-ninth session) was collected while batch 48 was
the test part, and kept out of the set until batch 48 had been retired into dev and its failures read
(f4f885f); it is the test part. Batch 49: 48 statements from 26 organisations. Scored once at f4f885f:
0.88 / 0.90 / 0.98 (majority 0.71 / 0.65 / 0.98; dev 0.90 / 0.92 / 0.99).

Version 49 (2026-12-06, fortieth session): batch 50 (ids `qy…`, organisations new to the set, three
collectors blind to the checker late in the thirty-ninth session; French and Spanish statements removed
before staging) was kept out of the set until batch 49 had been retired into dev and its failures read
(5fa809e); it is the test part. Batch 50: 26 statements from 14 organisations. Scored once at 5fa809e:
0.88 / 0.92 / 1.00 (majority 0.73 / 0.85 / 1.00; dev 0.90 / 0.92 / 0.99).

Version 50 (2026-12-06, fortieth session, later): batch 51 (ids `qz…`, organisations new to the set,
two collectors blind to the checker early in the fortieth session, while batch 50 was the test part)
was kept out of the set until batch 50 had been retired into dev and its failures read (bdfe5b3); it is
the test part. Batch 51: 52 statements from 24 organisations. Scored once at bdfe5b3: 0.75 / 0.87 /
0.90 (majority 0.75 / 0.58 / 0.81; dev 0.90 / 0.92 / 0.99).

Version 51 (2026-12-06, fortieth session, later still): batch 52 (ids `ra…`, organisations new to the
set, two collectors blind to the checker in the fortieth session, while batch 51 was the test part) was
kept out of the set until batch 51 had been retired into dev and its failures read (3e4db24); it is the
test part. Batch 52: 42 statements from 21 organisations. Scored once at 3e4db24: 0.74 / 0.90 / 0.98
(majority 0.64 / 0.86 / 0.95; dev 0.90 / 0.92 / 0.99).

Version 52 (2026-12-06, fortieth session): batch 53 (ids `rb…`, organisations new to the set, two
collectors blind to the checker late in the fortieth session, while batch 52 was the test part) was kept
out of the set until batch 52 had been retired into dev and its failures read (bed2da7); it is the test
part. Batch 53: 27 statements from 16 organisations. Scored once at bed2da7: 0.74 / 0.89 / 1.00
(majority 0.81 / 0.56 / 1.00; dev 0.90 / 0.92 / 0.99). After the score, the notes of three test statements
(rb020, rb021, rb104) were read to check their organisations against the set; nothing was tuned since.

Version 53 (2026-12-07, forty-first session): batch 54 (ids `rc…`, organisations new to the set, two
collectors blind to the checker at the end of the fortieth session, while batch 53 was the test part) was
kept out of the set until batch 53 had been retired into dev and its failures read (d1647c3); it is the
test part. Batch 54: 45 statements from 35 organisations (two repeats of one collector's statements by the
other dropped before any score). Scored once at d1647c3: 0.87 / 0.82 / 0.98 (majority 0.93 / 0.71 /
0.98; dev 0.90 / 0.92 / 0.99); only 3 of the 45 statements state an outcome.

Version 54 (2026-12-07, forty-first session): batch 55 (ids `rd…`, organisations new to the set, two
collectors blind to the checker early in the forty-first session, while batch 54 was the test part) was
kept out of the set until batch 54 had been retired into dev and its failures read (28fb263); it is the
test part. Batch 55: 44 statements from 16 organisations. Scored once at 28fb263: 0.91 / 0.84 / 1.00
(majority 0.86 / 0.77 / 0.98; dev 0.90 / 0.92 / 0.99).

Version 55 (2026-12-07, forty-first session): batch 56 (ids `re…`, organisations new to the set, two
collectors blind to the checker late in the forty-first session, while batch 55 was the test part) was
kept out of the set until batch 55 had been retired into dev and its failures read (c02cb04); it is the
test part. Batch 56: 48 statements from 19 organisations. Scored once at c02cb04: 0.83 / 0.90 / 0.94
(majority 0.73 / 0.69 / 0.94; dev 0.90 / 0.92 / 0.99). Then read (d205bea), so it is no longer
blind: its figures are not to be reported again; batch 57, collected blind meanwhile, is the next test
part.

Version 56 (2026-12-07, forty-first session, last): batch 57 (ids `rf…`, organisations new to the set, two
collectors blind to the checker late in the forty-first session, while batch 56 was the test part) was
kept out of the set until batch 56 had been retired into dev and its failures read (d205bea); it is the
test part. Batch 57: 39 statements from 23 organisations. Scored once at d205bea: 0.77 / 0.87 / 0.97
(majority 0.62 / 0.82 / 0.79; dev 0.90 / 0.92 / 0.99). Then read (c367597) in the forty-second session.

Version 57 (2026-12-07, forty-second session): batch 58 (ids `rg…`, organisations new to the set, two
collectors at the end of the forty-first session and two at the start of the forty-second, all blind to
the checker while batch 57 was the test part) was kept out of the set until batch 57 had been retired
into dev and its failures read (c367597); it is the test part. Batch 58: 34 statements from 10
organisations. Scored once at c367597: 0.88 / 0.94 / 0.97
(majority 0.85 / 0.71 / 1.00; dev 0.90 / 0.92 / 0.99). Then read (a4393cd) in the forty-third session.

Version 58 (2026-12-07, forty-third session): batch 59 (ids `rh…`, organisations new to the set, two
collectors blind to the checker in the forty-second session, while batch 58 was the test part) was kept
out of the set until batch 58 had been retired into dev and its failures read (a4393cd); it is the test
part. Batch 59: 37 statements from 15 organisations. Scored once at a4393cd: 0.78 / 0.84 / 1.00
(majority 0.73 / 0.68 / 0.86; dev 0.90 / 0.92 / 0.99). Then read (e63dbc0) in the same session.

Version 59 (2026-12-07, forty-third session): batch 60 (ids `ri…`, organisations new to the set, two
collectors blind to the checker in the first minutes of the forty-third session, while batch 59 was the
test part and before it was read) was kept out of the set until batch 59 had been retired into dev and its
failures read (e63dbc0); it is the test part. Batch 60: 43 statements from 30 organisations. Scored
once at e63dbc0: 0.91 / 0.77 / 1.00 (majority 0.88 / 0.37 / 0.93; dev 0.90 / 0.92 / 0.99). Then read
(12452d4) in the forty-fourth session.

Version 60 (2026-12-07, forty-fourth session): batch 61 (ids `rj…`, organisations new to the set, two
collectors blind to the checker in the first minutes of the forty-fourth session, while batch 60 was the
test part and before it was read) was kept out of the set until batch 60 had been retired into dev and its
failures read (12452d4); it is the test part. Batch 61: 70 statements from 30 organisations. Scored once
at 2391b68: 0.79 / 0.83 / 0.96 (majority 0.67 / 0.66 / 0.87; dev 0.90 / 0.92 / 0.99). Then read (fff07bf)
in the same session.

Version 61 (2026-12-07, forty-fourth session): batch 62 (ids `rk…`, organisations new to the set, two
collectors blind to the checker later in the forty-fourth session, after batch 61 had been merged as the
test part and before it was read) was kept out of the set until batch 61 had been retired into dev and its
failures read (fff07bf); it is the test part. Batch 62: 70 statements from 46 organisations. Scored once
at 4bdad24: 0.81 / 0.90 / 1.00 (majority 0.81 / 0.53 / 1.00; dev 0.90 / 0.92 / 0.99). Then read (92730e2)
in the forty-fifth session.

Version 62 (2026-12-07, forty-fifth session): batch 63 (ids `rl…`, organisations new to the set, two
collectors blind to the checker in the first minutes of the forty-fifth session, while batch 62 was the
test part and before it was read) was kept out of the set until batch 62 had been retired into dev and its
failures read (92730e2); it is the test part. Batch 63: 59 statements from 37 organisations. Scored once
at 5b30043: 0.90 / 0.80 / 1.00 (majority 0.80 / 0.47 / 1.00; dev 0.90 / 0.92 / 0.99). Then read (3f762b6)
in the same session.

Version 63 (2026-12-07, forty-fifth session): batch 64 (ids `rm…`, organisations new to the set, two
collectors blind to the checker later in the forty-fifth session, after batch 63 had been merged as the
test part and before it was read) was kept out of the set until batch 63 had been retired into dev and its
failures read (3f762b6); it is the test part. Batch 64: 66 statements from 37 organisations. Scored once
at 6b666b1: 0.80 / 0.77 / 1.00 (majority 0.82 / 0.59 / 0.95; dev 0.90 / 0.92 / 0.99). Then read (67d0905)
in the forty-sixth session.

Version 64 (2026-12-07, forty-sixth session): batch 65 (ids `rn…`, organisations new to the set, two
collectors blind to the checker late in the forty-fifth session, after batch 64 had been merged as the
test part and before it was read) was kept out of the set until batch 64 had been retired into dev and its
failures read (67d0905); it is the test part. Batch 65: 39 statements from 19 organisations. Scored once
at e6dd873: 0.85 / 0.79 / 1.00 (majority 0.82 / 0.59 / 0.97; dev 0.90 / 0.92 / 0.99). Then read (1824b08)
in the same session.

Version 65 (2026-12-07, forty-sixth session): batches 66 (ids `ro…`, two collectors blind to the checker in
the session's first minutes, while batch 65 was staged and batch 64 the unread test part; only 13
statements: the index is nearly exhausted) and 67 (ids `rp…`, two collectors blind to the checker after
batch 65 had been merged, scored and read) were kept out of the set until batch 65 had been retired into
dev and its failures read (1824b08); together they are the test part. Batch 66: 13 statements from 5
organisations; batch 67: 52 statements from 35 bodies. Scored once at 1f93791: 0.75 / 0.88 / 0.98
(majority 0.51 / 0.82 / 0.78; dev 0.90 / 0.92 / 0.99). Then read (d50cf9f) in the forty-seventh session.

Version 66 (2026-12-07, forty-seventh session): batch 68 (ids `rq…`, two collectors blind to the checker
at the end of the forty-sixth session, after batches 66 and 67 had been merged and scored, before they
were read) was staged and kept out of the set until batches 66 and 67 had been retired into dev and their
failures read (d50cf9f); it is the test part. Batch 68: 62 statements from 30 bodies. Scored once at
574814b: 0.82 / 0.90 / 0.92 (majority 0.76 / 0.84 / 0.89; dev 0.90 / 0.92 / 0.99). Then read (7879f8b) in
the same session.

Version 67 (2026-12-07, forty-seventh session): batch 69 (ids `rr…`, two collectors blind to the checker
in the session's first minutes, while batches 66 and 67 were the unread test part and batch 68 was staged)
was staged and kept out of the set until batch 68 had been retired into dev and its failures read
(7879f8b); it is the test part. Batch 69: 61 statements from 37 bodies. Scored once at ebbdb86: 0.80 /
0.92 / 0.93 (majority 0.66 / 0.80 / 0.89; dev 0.90 / 0.92 / 0.99). Then read (a90e521) in the same session.

Version 68 (2026-12-07, forty-seventh session): batch 70 (ids `rs…`, two collectors blind to the checker
after batch 68 was read, while batch 69 was the test part and before it was scored) was kept out of the
set until batch 69 had been retired into dev and its failures read (a90e521); it is the test part. Batch
70: 71 statements from 31 bodies. Scored once at 4539e36: 0.86 / 0.80 / 1.00 (majority 0.77 /
0.69 / 0.97; dev 0.90 / 0.92 / 0.99). Then read (d6f5a3b) in the same session.

Version 69 (2026-12-07, forty-seventh session): batch 71 (ids `rt…`, two collectors blind to the checker
while batch 70 was the test part, before it was scored; only 28 statements: the index is nearly exhausted)
was kept out of the set until batch 70 had been retired into dev and its failures read (d6f5a3b); it is
the test part. Batch 71: 28 statements from 20 bodies. Scored once at d7fa18d: 0.75 / 0.86 / 1.00 (majority
0.82 / 0.61 / 1.00; dev 0.90 / 0.92 / 0.99). Then read (e353dde) in the forty-eighth session.

Version 70 (2026-12-07, forty-eighth session): batch 72 (ids `ru…`, two collectors blind to the checker
in the session's first minutes, while batch 71 was the test part and before it was read; 43 statements
kept of 50 labelled) was kept out of the set until batch 71 had been retired into dev and its failures
read (e353dde); it is the test part. Batch 72: 43 statements from 12 bodies. Scored once at e353dde: 0.86 /
0.86 / 0.95 (majority 0.74 / 0.77 / 0.88; dev 0.90 / 0.92 / 0.99). Then read (d354b33) in the same session.

Version 71 (2026-12-07, forty-eighth session): batch 73 (ids `rv…`, two collectors blind to the checker
while batch 72 was the test part, before it was read) was kept out of the set until batch 72 had been
retired into dev and its failures read (d354b33); it is the test part. Batch 73: 70 statements from
39 bodies. Scored once at d354b33: 0.67 / 0.91 / 0.97 (majority 0.53 / 0.83 / 0.96; dev 0.90 / 0.92 / 0.99).
Then read (b19d97d) in the same session.

Version 72 (2026-12-07, forty-eighth session): batch 74 (ids `rw…`, two collectors blind to the checker
while batch 73 was the test part, before it was read) was kept out of the set until batch 73 had been
retired into dev and its failures read (b19d97d); it is the test part. Batch 74: 50 statements from
20 bodies. Scored once at b19d97d: 0.80 / 0.86 / 1.00 (majority 0.76 / 0.76 / 0.94; dev 0.90 / 0.92 / 0.99).
Then read (aea01d1) in the same session.

Version 73 (2026-12-07, forty-ninth session): batches 75 (ids `rx…`, two collectors blind to the checker
at the end of the forty-eighth session, after batch 74 had been scored and read; staged) and 76 (ids
`ry…`, two collectors blind to the checker in the forty-ninth session's first minutes) were kept out of
the set until batch 74 had been retired into dev and its failures read (aea01d1); together they are the
test part. Batch 75: 20 statements from 15 bodies; batch 76: 60 statements from 39 bodies. Scored once at
aed50fa: 0.82 / 0.81 / 0.97 (majority 0.85 / 0.76 / 0.99; dev 0.90 / 0.92 / 0.99). Then read (9ba2f70) in
the same session.

Version 74 (2026-12-08, forty-ninth session): batch 77 (ids `rz…`, two collectors blind to the checker
after batches 75 and 76 had been merged and scored, before they were read) was kept out of the set until
batches 75 and 76 had been retired into dev and their failures read (9ba2f70); it is the test part.
Batch 77: 43 statements from 17 bodies. Scored once at 8299fed: 0.81 / 0.91 / 0.95 (majority 0.56 / 0.70 /
0.93; dev 0.90 / 0.92 / 0.99). Then read (067976f) in the same session.

Version 75 (2026-12-08, forty-ninth session): batch 78 (ids `sa…`: the two-letter `r` prefixes ran out; two
collectors blind to the checker after batch 77 had been merged and scored, before it was read) was kept out
of the set until batch 77 had been retired into dev and its failures read (067976f); it is the test part.
Batch 78: 20 statements from 15 bodies. Scored once at da3c84d: 0.80 / 0.95 / 1.00 (majority 0.90 / 0.90 /
1.00; dev 0.90 / 0.92 / 0.99). Then read (ac930d6) in the same session.

Version 76 (2026-12-08, fiftieth session): batch 79 (ids `sb…`; two collectors blind to the checker after
batch 78 had been scored and read) was staged outside the set until this session; it is the test part.
Batch 79: 29 statements from 14 bodies. Scored once at d3064d7: 0.93 / 0.86 / 1.00 (majority 0.86 / 0.69 /
1.00; dev 0.90 / 0.93 / 0.99). Then read (c05af37) in the same session.

Version 77 (2026-12-08, fiftieth session): batch 80 (ids `sc…`; two collectors blind to the checker, after
batch 79 had been read and the outcome reader had shipped, from the governance documents stored in
evals/corpus/docs) is the test part. Batch 80: 64 statements.

The draw is grouped: every statement of one organisation falls on the same side. The group key
is the statement's `group` field when present (bodies that share one parent and one template,
e.g. all W3C groups, all OpenSSF working groups), else its `org`. Groups are shuffled with a
fixed seed and taken in that order into the test set as long as the test set stays within the
target (30% of statements, plus a small tolerance), until the target is reached; the rest is
dev. Nobody tunes on test: do not change the seed or re-draw after looking at results.
"""

import pathlib
import random
import sys

import yaml

SEED = 20261202
TEST_SHARE = 0.30
TOLERANCE = 3  # statements the test set may exceed the target by

HERE = pathlib.Path(__file__).resolve().parent


def group_key(entry):
    return entry.get("group") or entry["org"]


def draw(entries, seed=SEED, share=TEST_SHARE, tolerance=TOLERANCE):
    groups = {}
    for e in entries:
        groups.setdefault(group_key(e), []).append(e["id"])
    keys = sorted(groups)
    random.Random(seed).shuffle(keys)
    target = round(share * len(entries))
    test, test_groups = [], []
    for k in keys:
        if len(test) >= target:
            break
        if len(test) + len(groups[k]) <= target + tolerance:
            test.extend(groups[k])
            test_groups.append(k)
    test_set = set(test)
    dev = [e["id"] for e in entries if e["id"] not in test_set]
    test = [e["id"] for e in entries if e["id"] in test_set]
    return dev, test, test_groups


BATCH_2 = "pb"  # id prefix of the statements collected on 2026-12-03: the test part of version 2
BATCH_3 = "pc"  # id prefix of the ninth session's first batch: the test part of version 3
BATCH_4 = "pd"  # id prefix of the ninth session's second batch: the test part of version 4
BATCH_5 = "pe"  # id prefix of the tenth session's first batch: the test part of version 5
BATCH_6 = "pf"  # id prefix of the tenth session's second batch: the test part of version 6
BATCH_7 = "pg"  # id prefix of the eighteenth session's batch: the test part of version 7
BATCH_8 = "ph"  # id prefix of the nineteenth session's batch: the test part of version 8
BATCH_9 = "pi"  # id prefix of the nineteenth session's staged batch: the test part of version 9
BATCH_10 = "pj"  # id prefix of the twentieth session's staged batch: the test part of version 10
BATCH_11 = "pk"  # id prefix of the twenty-first session's staged batch: the test part of version 11
BATCH_12 = "pl"  # id prefix of the twenty-first session's second staged batch: the test part of version 12
BATCH_13 = "pm"  # id prefix of the twenty-second session's staged batch: the test part of version 13
BATCH_14 = "pn"  # id prefix of the twenty-third session's staged batch: the test part of version 14
BATCH_15 = "po"  # id prefix of the twenty-third session's second batch: the test part of version 15
BATCH_16 = "pp"  # id prefix of the twenty-fourth session's batch: the test part of version 16
BATCH_17 = "pq"  # id prefix of the twenty-fourth session's second batch: the test part of version 17
BATCH_18 = "pr"  # id prefix of the twenty-fourth session's third batch: the test part of version 18
BATCH_19 = "pt"  # id prefix of the twenty-fifth session's batch: the test part of version 19
BATCH_20 = "pu"  # id prefix of the twenty-fifth session's second batch: the test part of version 20
BATCH_21 = "pv"  # id prefix of the twenty-fifth session's staged batch: with batch 22, version 21's test part
BATCH_22 = "pw"  # id prefix of the twenty-sixth session's batch: with batch 21, version 21's test part
BATCH_23 = "px"  # id prefix of the twenty-sixth session's staged batch: the test part of version 22
BATCH_24 = "py"  # id prefix of the twenty-sixth session's last staged batch: the test part of version 23
BATCH_25 = "pz"  # id prefix of the twenty-seventh session's batch: the test part of version 24
BATCH_26 = "qa"  # id prefix of the twenty-seventh session's second batch: the test part of version 25
BATCH_27 = "qb"  # id prefix of the twenty-seventh session's third batch: the test part of version 26
BATCH_28 = "qc"  # id prefix of the twenty-seventh session's staged batch: the test part of version 27
BATCH_29 = "qd"  # id prefix of the twenty-eighth session's batch: the test part of version 28
BATCH_30 = "qe"  # id prefix of the twenty-eighth session's batch: the test part of version 29
BATCH_31 = "qf"  # id prefix of the twenty-eighth session's batch: the test part of version 30
BATCH_32 = "qg"  # id prefix of the twenty-eighth session's batch: the test part of version 31
BATCH_33 = "qh"  # id prefix of the twenty-ninth session's batch: the test part of version 32
BATCH_34 = "qi"  # id prefix of the thirtieth session's batch: the test part of version 33
BATCH_35 = "qj"  # id prefix of the thirty-first session's batch: the test part of version 34
BATCH_36 = "qk"  # id prefix of the thirty-second session's batch: the test part of version 35
BATCH_37 = "ql"  # id prefix of the thirty-third session's batch: the test part of version 36
BATCH_38 = "qm"  # id prefix of the thirty-third session's second batch: the test part of version 37
BATCH_39 = "qn"  # id prefix of the thirty-fourth session's batch: the test part of version 38
BATCH_40 = "qo"  # id prefix of the thirty-fourth session's second batch: the test part of version 39
BATCH_41 = "qp"  # id prefix of the thirty-fifth session's batch: the test part of version 40
BATCH_42 = "qq"  # id prefix of the thirty-fifth session's second batch: the test part of version 41
BATCH_43 = "qr"  # id prefix of the thirty-fifth session's last batch: the test part of version 42
BATCH_44 = "qs"  # id prefix of the thirty-sixth session's batch: the test part of version 43
BATCH_45 = "qt"  # id prefix of the thirty-sixth session's second batch: the test part of version 44
BATCH_46 = "qu"  # id prefix of the thirty-seventh session's batch: the test part of version 45
BATCH_47 = "qv"  # id prefix of the thirty-seventh session's second batch: the test part of version 46
BATCH_48 = "qw"  # id prefix of the thirty-eighth session's batch: the test part of version 47
BATCH_49 = "qx"  # id prefix of the thirty-ninth session's batch: the test part of version 48
BATCH_50 = "qy"  # id prefix of the thirty-ninth session's second batch: the test part of version 49
BATCH_51 = "qz"  # id prefix of the fortieth session's batch: the test part of version 50
BATCH_52 = "ra"  # id prefix of the fortieth session's second batch: the test part of version 51
BATCH_53 = "rb"  # id prefix of the fortieth session's third batch: the test part of version 52
BATCH_54 = "rc"  # id prefix of the forty-first session's batch: the test part of version 53
BATCH_55 = "rd"  # id prefix of the forty-first session's second batch: the test part of version 54
BATCH_56 = "re"  # id prefix of the forty-first session's third batch: the test part of version 55
BATCH_57 = "rf"  # id prefix of the forty-first session's fourth batch: the test part of version 56
BATCH_58 = "rg"  # id prefix of the forty-first and forty-second sessions' batch: the test part of version 57
BATCH_59 = "rh"  # id prefix of the forty-second session's second batch: the test part of version 58
BATCH_60 = "ri"  # id prefix of the forty-third session's batch: the test part of version 59
BATCH_61 = "rj"  # id prefix of the forty-fourth session's batch: the test part of version 60
BATCH_62 = "rk"  # id prefix of the forty-fourth session's second batch: the test part of version 61
BATCH_63 = "rl"  # id prefix of the forty-fifth session's batch: the test part of version 62
BATCH_64 = "rm"  # id prefix of the forty-fifth session's second batch: the test part of version 63
BATCH_65 = "rn"  # id prefix of the forty-fifth session's third batch: the test part of version 64
BATCH_66 = "ro"  # id prefix of the forty-sixth session's first batch: half the test part of version 65
BATCH_67 = "rp"  # id prefix of the forty-sixth session's second batch: the other half
BATCH_68 = "rq"  # id prefix of the forty-sixth session's staged batch: the test part of version 66
BATCH_69 = "rr"  # id prefix of the forty-seventh session's first batch: the test part of version 67
BATCH_70 = "rs"  # id prefix of the forty-seventh session's second batch: the test part of version 68
BATCH_71 = "rt"  # id prefix of the forty-seventh session's third batch: the test part of version 69
BATCH_72 = "ru"  # id prefix of the forty-eighth session's first batch: the test part of version 70
BATCH_73 = "rv"  # id prefix of the forty-eighth session's second batch: the test part of version 71
BATCH_74 = "rw"  # id prefix of the forty-eighth session's third batch: the test part of version 72
BATCH_75 = "rx"  # id prefix of the forty-eighth session's staged batch: half the test part of version 73
BATCH_76 = "ry"  # id prefix of the forty-ninth session's first batch: the other half
BATCH_77 = "rz"  # id prefix of the forty-ninth session's second batch: the test part of version 74
BATCH_78 = "sa"  # id prefix of the forty-ninth session's third batch: the test part of version 75
BATCH_79 = "sb"  # id prefix of the batch staged in the forty-ninth session: the test part of version 76
BATCH_80 = "sc"  # id prefix of the fiftieth session's batch from the stored charter documents: version 77


def main(argv):
    path = pathlib.Path(argv[1]) if len(argv) > 1 else HERE / "statements.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    later = (
        BATCH_2,
        BATCH_3,
        BATCH_4,
        BATCH_5,
        BATCH_6,
        BATCH_7,
        BATCH_8,
        BATCH_9,
        BATCH_10,
        BATCH_11,
        BATCH_12,
        BATCH_13,
        BATCH_14,
        BATCH_15,
        BATCH_16,
        BATCH_17,
        BATCH_18,
        BATCH_19,
        BATCH_20,
        BATCH_21,
        BATCH_22,
        BATCH_23,
        BATCH_24,
        BATCH_25,
        BATCH_26,
        BATCH_27,
        BATCH_28,
        BATCH_29,
        BATCH_30,
        BATCH_31,
        BATCH_32,
        BATCH_33,
        BATCH_34,
        BATCH_35,
        BATCH_36,
        BATCH_37,
        BATCH_38,
        BATCH_39,
        BATCH_40,
        BATCH_41,
        BATCH_42,
        BATCH_43,
        BATCH_44,
        BATCH_45,
        BATCH_46,
        BATCH_47,
        BATCH_48,
        BATCH_49,
        BATCH_50,
        BATCH_51,
        BATCH_52,
        BATCH_53,
        BATCH_54,
        BATCH_55,
        BATCH_56,
        BATCH_57,
        BATCH_58,
        BATCH_59,
        BATCH_60,
        BATCH_61,
        BATCH_62,
        BATCH_63,
        BATCH_64,
        BATCH_65,
        BATCH_66,
        BATCH_67,
        BATCH_68,
        BATCH_69,
        BATCH_70,
        BATCH_71,
        BATCH_72,
        BATCH_73,
        BATCH_74,
        BATCH_75,
        BATCH_76,
        BATCH_77,
        BATCH_78,
        BATCH_79,
        BATCH_80,
    )
    first = [e for e in entries if not e["id"].startswith(later)]
    _, retired, _ = draw(first)  # version 1's test part, as drawn then
    # the test parts of versions 2 to 76
    retired += [e["id"] for e in entries if e["id"].startswith(later[:-1])]
    current = (BATCH_80,)
    test = [e["id"] for e in entries if e["id"].startswith(current)]
    dev = [e["id"] for e in entries if not e["id"].startswith(current)]
    header = (
        "# Split of statements.yaml, version 77 (split.py): test is batch 80 (ids sc…, statements new\n"
        "# to the set, labelled blind); dev is batches 1-79, with the test parts of version 1\n"
        f"# (seed {SEED}), versions 2 to 76 (batches 2 to 79) retired into it.\n"
        f"# {len(dev)} dev, {len(test)} test statements. The test part is locked: do not tune on it.\n"
    )
    out = HERE / "split.yaml"
    out.write_text(
        header
        + yaml.safe_dump(
            {"dev": dev, "test": test, "retired_test": retired}, default_flow_style=None, width=100
        ),
        encoding="utf-8",
    )
    print(f"dev {len(dev)}, test {len(test)}, retired_test {len(retired)}")
    return 0


def version_1(argv):
    path = pathlib.Path(argv[1]) if len(argv) > 1 else HERE / "statements.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    dev, test, test_groups = draw(entries)
    header = (
        f"# Grouped split of statements.yaml, drawn by split.py "
        f"(seed {SEED}, ~{int(TEST_SHARE * 100)}% test).\n"
        f"# {len(dev)} dev, {len(test)} test statements; {len(test_groups)} organisation groups in test.\n"
        "# The test part is locked: do not tune on it.\n"
    )
    out = HERE / "split.yaml"
    out.write_text(
        header + yaml.safe_dump({"dev": dev, "test": test}, default_flow_style=None, width=100),
        encoding="utf-8",
    )
    print(
        f"dev {len(dev)}, test {len(test)} ({len(test) / len(entries):.0%}); test groups: {len(test_groups)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
