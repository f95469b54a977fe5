"""File sizes and durations in Dutch notation."""

from coop_desk.services.sizes import file_size, seconds


def test_file_sizes_use_decimal_units_and_a_decimal_comma():
    assert file_size(0) == "1 kB"  # never "0 kB" for a file that exists
    assert file_size(44_321) == "44 kB"
    assert file_size(999_499) == "999 kB"
    assert file_size(1_000_000) == "1,0 MB"
    assert file_size(236_298_240) == "236,3 MB"


def test_seconds_have_one_decimal_and_a_comma():
    assert seconds(0.04) == "0,0 s"
    assert seconds(3.6449) == "3,6 s"
    assert seconds(12) == "12,0 s"
