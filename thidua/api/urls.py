from thidua.api.awards import router as awards_router
from thidua.api.base import api
from thidua.api.eligibility import router as eligibility_router
from thidua.api.movements import router as movements_router
from thidua.api.org import router as org_router

api.add_router("/org/", org_router)
api.add_router("/movements/", movements_router)
api.add_router("/eligibility/", eligibility_router)
api.add_router("/awards/", awards_router)
