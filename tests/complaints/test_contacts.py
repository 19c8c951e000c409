"""Phone and ID-number checks and the masks used wherever the handler is not looking."""

import pytest
from django.core.exceptions import ValidationError

from complaints import contacts


@pytest.mark.parametrize(
    "phone", ["13812345678", "+86 19912345678", "020-12345678", "0755-1234567"]
)
def test_mainland_numbers_are_accepted(phone):
    assert contacts.clean_phone(phone) == phone.replace("+86", "").replace(" ", "")


@pytest.mark.parametrize(
    "phone", ["12812345678", "1381234567", "138123456789", "20-12345678", "020-0234567", "abc"]
)
def test_other_numbers_are_refused_with_the_number_named(phone):
    with pytest.raises(ValidationError) as error:
        contacts.clean_phone(phone)
    assert phone.replace(" ", "")[:30] in error.value.messages[0]


@pytest.mark.parametrize(
    "number", ["11010519491231002X", "440524188001010014", "11010519491231002x"]
)
def test_a_right_id_number_is_accepted_and_upper_cased(number):
    assert contacts.clean_id_number(number) == number.upper()


def test_the_check_digit_is_computed_by_gb_11643():
    assert contacts.id_check_digit("11010519491231002") == "X"
    assert contacts.id_check_digit("44052418800101001") == "4"


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("110105194912310021", "id_check"),
        ("11010519491331002X", "id_birth_date"),
        ("1101051949123100", "id_length"),
        ("11010519491231002Y", "id_length"),
    ],
)
def test_a_wrong_id_number_says_which_part_is_wrong(number, code):
    with pytest.raises(ValidationError) as error:
        contacts.clean_id_number(number)
    assert error.value.code == code


def test_masks_keep_only_what_identifies_nobody():
    assert contacts.mask_phone("13812345678") == "138****5678"
    assert contacts.mask_name("王小明") == "王**"
    assert contacts.mask_id_number("11010519491231002X") == "1101**********002X"
    assert contacts.mask_address("广州市天河区体育东路2号") == "广州市天河区…"
