import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { AuthProvider } from './auth-context.tsx';
import { HomeRedirect, NotFound, RequireRole, RequireSignedIn } from './guards.tsx';
import { PublicLayout } from './layout/public-layout.tsx';
import { ShellLayout } from './layout/shell-layout.tsx';
import { routesFor } from './navigation/registry.ts';

function Root() {
  return (
    <AuthProvider>
      <Outlet />
    </AuthProvider>
  );
}

export function buildRoutes(): RouteObject[] {
  return [
    {
      element: <Root />,
      children: [
        { element: <PublicLayout />, children: routesFor('public').map(({ path, component: Page }) => ({ path, element: <Page /> })) },
        {
          element: (
            <RequireSignedIn>
              <ShellLayout />
            </RequireSignedIn>
          ),
          children: [
            { index: true, element: <HomeRedirect /> },
            ...routesFor('shell').map(({ path, roles, component: Page }) => ({
              path,
              element: (
                <RequireRole roles={roles}>
                  <Page />
                </RequireRole>
              ),
            })),
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ];
}

/** The portal is served under /portal/ (vite `base`). */
export function createPortalRouter() {
  return createBrowserRouter(buildRoutes(), { basename: '/portal' });
}
