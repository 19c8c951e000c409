from django.shortcuts import render
from django.urls import path

from portal.access import HEADQUARTERS, roles_required


@roles_required(HEADQUARTERS)
def index(request):
    return render(request, "throwaway/index.html")


app_name = "throwaway"
urlpatterns = [path("", index, name="index")]
