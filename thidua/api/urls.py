from thidua.api.awards import router as awards_router
from thidua.api.base import api
from thidua.api.council import router as council_router
from thidua.api.decisions import router as decisions_router
from thidua.api.eligibility import router as eligibility_router
from thidua.api.exemplars import router as exemplars_router
from thidua.api.interchange import router as interchange_router
from thidua.api.movements import router as movements_router
from thidua.api.nominations import router as nominations_router
from thidua.api.org import router as org_router
from thidua.api.reports import router as reports_router
from thidua.api.scoring import router as scoring_router

api.add_router("/org/", org_router)
api.add_router("/movements/", movements_router)
api.add_router("/eligibility/", eligibility_router)
api.add_router("/awards/", awards_router)
api.add_router("/scoring/", scoring_router)
api.add_router("/nominations/", nominations_router)
api.add_router("/council/", council_router)
api.add_router("/decisions/", decisions_router)
api.add_router("/reports/", reports_router)
api.add_router("/exemplars/", exemplars_router)
api.add_router("/interchange/", interchange_router)
