print("BuildGeoData: not yet written")
