"""Headquarters' dashboard card of the open round: its chart is readable at the card's size."""

import re

from django.urls import reverse

CARD_CONTENT_WIDTH = 280 - 2 * 18  # .cards minmax(280px, …) less the card's padding (1.1rem)


def test_the_round_chart_fits_the_card_unscaled_with_labels_of_12px(client_for, hq_user, opened):
    page = client_for(hq_user).get(reverse("portal:dashboard")).text
    svg = re.search(r'<div class="chart"><svg [^>]*>.*?</svg>', page, re.S).group(0)
    assert int(re.search(r'width="(\d+)"', svg).group(1)) <= CARD_CONTENT_WIDTH
    sizes = {int(size) for size in re.findall(r'<text [^>]*font-size="(\d+)"', svg)}
    assert sizes and min(sizes) >= 12
    assert "未报送" in svg  # the statuses are written out, in Chinese
