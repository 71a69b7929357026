import { Outlet } from 'react-router';

// Placeholder until the staff frame (sign-in guard, staff menu) is built.
export function StaffLayout() {
  return <Outlet />;
}
