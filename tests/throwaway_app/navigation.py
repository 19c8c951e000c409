from portal.access import HEADQUARTERS
from portal.navigation import Entry

MENU = [Entry("Throwaway page", "throwaway:index", (HEADQUARTERS,), order=35)]
