"""The SI table extraction reads (units_si.py) is what pint computes, for every unit the lexicon
can give a figure; extraction never needs pint itself."""

from __future__ import annotations

import subprocess
import sys

import pytest

from factcheck.extract.units import lexicon_expressions, pint_canonical
from factcheck.extract.units_si import SI


def test_the_table_holds_every_unit_of_the_lexicon():
    assert sorted(SI) == lexicon_expressions(), "run scripts/regen_units.py"


@pytest.mark.parametrize("expression", sorted(SI))
def test_the_table_is_what_pint_computes(expression):
    computed = pint_canonical(expression)
    assert computed is not None and SI[expression] is not None
    assert SI[expression][0] == computed[0], "run scripts/regen_units.py"
    assert SI[expression][1:] == pytest.approx(computed[1:], rel=1e-12, abs=1e-12)


def test_extracting_figures_imports_no_pint():
    code = (
        "import sys, datetime as dt\n"
        "from factcheck.extract import extract_facts\n"
        "from factcheck.models import Source\n"
        "text = ('The 1,000 km (620-mile) front shrank from 1,300 square kilometers to under 200; winds of '\n"
        "        '90 km/h and 40 miles an hour, 30 °C, 5 tonnes, 12 gallons, 3 acres and 4.5 kg.')\n"
        "facts = extract_facts(Source(id='a', path='a', text=text, reference_date=dt.date(2025, 3, 1)))\n"
        "units = {f.value.unit for f in facts if f.kind.value == 'quantity'}\n"
        "assert {'km', 'km2', 'km/h', 'mph', 'degC', 't', 'kg'} <= units, units\n"
        "assert all(f.value.canonical_unit for f in facts if f.kind.value == 'quantity')\n"
        "print('pint' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
