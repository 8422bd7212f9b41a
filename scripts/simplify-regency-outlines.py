# Makes server/modules/regions/data/regency-outlines.json (the office map's regency outlines) from the Kemendagri
# regency boundaries of github.com/cahyadsn/wilayah_boundaries (MIT; licence next to the output):
#   python3 scripts/simplify-regency-outlines.py 0.01 3 0.001 server/modules/regions/data/regency-outlines.json
# (Douglas-Peucker tolerance in degrees, decimals kept, islands smaller than this many square degrees dropped.)
# The source file (3 MB) is not in the repository; the input path below is where it lies on the build machine.
import json, sys
tol=float(sys.argv[1]); prec=int(sys.argv[2]); minarea=float(sys.argv[3])
def dp(pts, tol):
    if len(pts)<3: return pts
    keep=[False]*len(pts); keep[0]=keep[-1]=True
    stack=[(0,len(pts)-1)]
    while stack:
        a,b=stack.pop()
        ax,ay=pts[a]; bx,by=pts[b]; dx,dy=bx-ax,by-ay; L=(dx*dx+dy*dy)**.5
        best,bi=-1,-1
        for i in range(a+1,b):
            px,py=pts[i]
            d=abs(dy*px-dx*py+bx*ay-by*ax)/L if L>0 else ((px-ax)**2+(py-ay)**2)**.5
            if d>best: best,bi=d,i
        if best>tol: keep[bi]=True; stack+=[(a,bi),(bi,b)]
    return [p for p,k in zip(pts,keep) if k]
def area(r):
    return abs(sum(r[i][0]*r[i+1][1]-r[i+1][0]*r[i][1] for i in range(len(r)-1)))/2
d=json.load(open('/work/shared/data/geo/idn_regencies_kemendagri.geojson'))
out=[]; npts=0
for f in d['features']:
    g=f['geometry']; polys=g['coordinates'] if g['type']=='MultiPolygon' else [g['coordinates']]
    rings=[]
    biggest=max((area(p[0]) for p in polys), default=0)
    for p in polys:
        outer=p[0]  # holes dropped: regencies rarely have them and the map only draws outlines
        if area(outer)<minarea and area(outer)<biggest: continue
        s=dp(outer,tol)
        s=[[round(x,prec),round(y,prec)] for x,y in s]
        ded=[s[0]]+[q for i,q in enumerate(s[1:],1) if q!=s[i-1]]
        if len(ded)>=4: rings.append(ded); npts+=len(ded)
    if not rings:  # a small city: keep its biggest ring unsimplified
        big=max((p[0] for p in polys), key=area)
        rings=[[[round(x,4),round(y,4)] for x,y in big]]; npts+=len(big)
    pr=f['properties']
    out.append({'code':pr['kode'],'name':pr['nama'],'center':[round(pr['lng'],4),round(pr['lat'],4)],'rings':rings})
s=json.dumps({'source':'Kemendagri regency boundaries via github.com/cahyadsn/wilayah_boundaries (MIT, Copyright (c) 2024 Cahya DSN)','simplified':f'Douglas-Peucker {tol} deg, {prec} decimals, outer rings only, islands under {minarea} sq deg dropped','regencies':out},separators=(',',':'))
open(sys.argv[4],'w').write(s); print(len(s), npts, sum(1 for o in out if not o['rings']))
