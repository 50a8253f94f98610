#!/usr/bin/env python
"""Development cases for the PII detector's person names and member/insurance ids.

Tuning data for issue 3 (names next to identifiers, member and insurance ids), written
without looking at the held-out suites. Each case lists the kinds it holds; clean cases
are hard negatives. ``python benchmarks/security/dev/pii_dev.py`` writes pii_dev.jsonl.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).with_name("pii_dev.jsonl")

CASES: list[tuple[str, list[str]]] = [
    ("Eligibility check for Harriet Okonkwo, member ID QHP-448120937, plan Gold PPO.",
     ["person_name", "member_id"]),
    ("Subscriber: Dmitri Vasquez-Lund | Group 77120 | ID# ZXW90012345",
     ["person_name", "member_id"]),
    ("Claim submitted for Ines Albrecht (insurance no. HK2290457113) on 04/11.",
     ["person_name", "member_id"]),
    ("Member Rowan Tremblay - policy number PL-0098-7712 - requested a new card.",
     ["person_name", "member_id"]),
    ("Please verify coverage: Akosua Mensah, Medicaid ID 33017742A.",
     ["person_name", "member_id"]),
    ("The insured, Mr. Callum Fitzgerald, holds policy AXJ-20391-77.",
     ["person_name", "member_id"]),
    ("Beneficiary Noor Haddad, MBI 1EG4-TE5-MK72, enrolled in Part B.",
     ["person_name", "member_id"]),
    ("Pharmacy claim rejected: cardholder Lucia Moretti, RxID 88410293, BIN 610014.",
     ["person_name", "member_id"]),
    ("Ticket 5512: caller was Bartholomew Osei, member #W771204586, asking about a denial.",
     ["person_name", "member_id"]),
    ("Prior auth for Yuki Tanabe; health plan ID: HPN4410027; CPT 72148.",
     ["person_name", "member_id"]),
    ("Patient Signe Halvorsen, 58, presented with dyspnea. Insurance ID: UHC 903 114 220.",
     ["person_name", "member_id"]),
    ("Reimbursement to Tomasz Wierzbicki, member no. 5528019944, approved for $240.",
     ["person_name", "member_id"]),
    ("Dependent: Amara Nwosu (subscriber ID BCX8812203-02)",
     ["person_name", "member_id"]),
    ("Coverage verified for Esperanza Quintero with ID number MEM-7730-1982.",
     ["person_name", "member_id"]),
    ("Member ID 4471-0923-88 belongs to Gareth Llewellyn; address on file is current.",
     ["person_name", "member_id"]),
    ("Spoke with Priyanka Raman about her EOB. Her policy ID is TRV55102934.",
     ["person_name", "member_id"]),
    ("Appeal filed by Olusegun Adeyemi regarding claim denial; plan member id R4478122.",
     ["person_name", "member_id"]),
    ("Name: Wilhelmina Carrow\nPolicy #: NGL-339-0042\nGroup: 5510",
     ["person_name", "member_id"]),
    ("Referral for Lorenzo Bianchi (DOB 02/14/1979).", ["person_name", "date_of_birth"]),
    ("Contact Saoirse Dunleavy at (312) 555-0187 to reschedule.", ["person_name", "phone"]),
    ("Mateus Carvalho (mateus.carvalho@example.com) asked for his statement.",
     ["person_name", "email"]),
    ("Reviewed by nurse Agnieszka Kowalczyk, MRN 00482291 chart updated.",
     ["person_name", "mrn"]),
    ("Hi Theodora, your claim for member ID KPX33019872 was processed.",
     ["person_name", "member_id"]),
    ("Insurance card: Jun-ho Park, ID YHA220019483, Rx group 9921.",
     ["person_name", "member_id"]),
    # clean hard negatives
    ("Group number 77120 covers all employees of the Portland office.", []),
    ("Claim CLM-2291044 was paid on 03/02; reference 88120 for the remittance.", []),
    ("Plan ID is required on every 837 file; see the companion guide section 4.2.", []),
    ("Invoice INV-30021 from Pacific Linen Supply, PO 77812, total $1,240.", []),
    ("The Member Services team is open Monday to Friday, 8 am to 6 pm.", []),
    ("Policy number format: three letters, a dash, then eight digits.", []),
    ("Blue Cross Blue Shield updated the formulary for Gold PPO plans.", []),
    ("Order 55120 shipped to the Denver warehouse via Northwind Freight.", []),
]


def main() -> None:
    rows = [{"id": f"piidev-{i:03d}", "text": text, "contains": kinds,
             "label": "pii" if kinds else "clean"} for i, (text, kinds) in enumerate(CASES, 1)]
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                   encoding="utf-8")
    print(f"wrote {len(rows)} cases to {OUT}")


if __name__ == "__main__":
    main()
